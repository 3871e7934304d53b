using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace K8sRelay.Operator.Tests.Fake;

public sealed partial class FakeApiServer
{
    private async Task WatchAsync(HttpContext context, FakeRoute route)
    {
        var query = context.Request.Query;
        var watcher = Store.Watch(route.Kind, route.Namespace, query["labelSelector"], query["resourceVersion"]);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        if (int.TryParse(query["timeoutSeconds"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(stop.Token);
        try
        {
            await foreach (var line in watcher.Lines.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(line + "\n", stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone or server stopping: the stream simply ends.
        }
        finally
        {
            Store.Unwatch(watcher);
        }
    }
}
