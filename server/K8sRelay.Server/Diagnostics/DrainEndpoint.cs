using K8sRelay.Core.Node;
using K8sRelay.Server.Api;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// <c>POST {http_api.handler_prefix}/drain</c>: starts the node's paced drain (<c>shutdown.drain_grace</c>,
/// <c>shutdown.drain_period</c>) and answers at once, so an operator can move a pod's clients away before it
/// deletes the pod. Authenticated like the server API; the body is ignored (the operator sends <c>{}</c>).
/// Calling it again while a drain runs changes nothing. The answer reports the clients the node had and the
/// schedule: <c>{"result":{"clients":N,"grace_ms":G,"period_ms":P}}</c>.
/// </summary>
internal static partial class DrainEndpoint
{
    public static void MapDrain(this IEndpointRouteBuilder endpoints, RelayNode node)
    {
        var prefix = node.Config.HttpApi.HandlerPrefix.TrimEnd('/');
        endpoints.MapPost(prefix + "/drain", HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context, RelayNode node, ApiKeyCheck keys, ILoggerFactory loggers)
    {
        if (!keys.IsAuthorized(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var schedule = DrainSchedule.Requested(node.Config.Shutdown);
        var clients = node.Hub.ClientCount;
        var alreadyDraining = node.IsDraining;
        _ = node.DrainAsync(schedule);
        Log.DrainRequested(loggers.CreateLogger("K8sRelay.Server.Drain"), context.Connection.RemoteIpAddress?.ToString() ?? "unknown", alreadyDraining);

        await context.Response.WriteAsJsonAsync(
            new DrainResponse(new DrainResult(clients, (long)schedule.Grace.TotalMilliseconds, (long)schedule.Period.TotalMilliseconds)),
            DiagnosticsJsonContext.Default.DrainResponse,
            cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(6201, LogLevel.Information, "Drain requested through the API from {Remote} (already draining: {AlreadyDraining})")]
        public static partial void DrainRequested(ILogger logger, string remote, bool alreadyDraining);
    }
}
