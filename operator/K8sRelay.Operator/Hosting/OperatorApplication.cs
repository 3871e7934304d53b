using K8sRelay.Operator.Diagnostics;
using K8sRelay.Operator.Runtime;

namespace K8sRelay.Operator.Hosting;

/// <summary>Builds the operator process: the operator services plus /healthz, /readyz and /metrics.</summary>
public static class OperatorApplication
{
    /// <summary>Builds the application; <paramref name="configure"/> runs first and may add configuration or replace services (tests do).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddEnvironmentVariables("K8SRELAY_");

        // Replacements registered here win: the operator registers its defaults with TryAdd.
        configure?.Invoke(builder);
        builder.Services.AddRelayOperator(builder.Configuration);
        builder.WebHost.UseUrls(builder.Configuration[$"{OperatorOptions.Section}:HealthUrl"] ?? new OperatorOptions().HealthUrl);

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", (OperatorHost host) => host.IsReady ? Results.Text("ok") : Results.Text("caches not synced", statusCode: 503));
        app.MapGet("/metrics", async (HttpContext context, OperatorMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }
}
