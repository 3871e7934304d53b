using K8sRelay.Configuration.Model;
using K8sRelay.Core.Node;
using K8sRelay.Server.Health;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// Everything a platform team needs to run the server: structured (optionally JSON) logs, metrics for
/// Prometheus and OTLP, traces, readiness, and the drain endpoint. Two calls wire it into the application.
/// </summary>
public static class RelayDiagnosticsExtensions
{
    /// <summary>
    /// Registers logging format, readiness checks and OpenTelemetry (metrics and traces) as the configuration
    /// asks. Call after the logging defaults are set, before the application is built.
    /// </summary>
    public static WebApplicationBuilder AddRelayDiagnostics(this WebApplicationBuilder builder, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        RelayLogging.Configure(builder.Logging, config.Log);
        builder.Services.AddRelayHealth();
        RelayTelemetry.Add(builder, config);
        return builder;
    }

    /// <summary>
    /// Adds the server API telemetry middleware and maps <c>/metrics</c> (when <c>prometheus.enabled</c>) and
    /// <c>POST {http_api.handler_prefix}/drain</c> (unless the HTTP API is disabled).
    /// </summary>
    public static WebApplication MapRelayDiagnostics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var node = app.Services.GetRequiredService<RelayNode>();
        var config = node.Config;
        if (!config.HttpApi.Disabled)
        {
            app.UseMiddleware<ApiTelemetryMiddleware>();
            app.MapDrain(node);
        }

        if (config.Prometheus.Enabled)
        {
            var path = string.IsNullOrEmpty(config.Prometheus.HandlerPrefix) ? "/metrics" : config.Prometheus.HandlerPrefix;
            app.MapPrometheusScrapingEndpoint(path);
        }

        return app;
    }
}
