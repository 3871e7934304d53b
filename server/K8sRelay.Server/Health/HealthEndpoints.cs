using K8sRelay.Configuration.Model;
using K8sRelay.Server.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8sRelay.Server.Health;

/// <summary>
/// <c>GET /health</c> (<c>health.handler_prefix</c>) answers <c>{}</c> like Centrifugo while the process runs:
/// the liveness probe, always mapped. <c>GET /ready</c> is the readiness probe: 200 while the node takes
/// traffic, 503 while it drains or shuts down or when its engine cannot be reached. It runs every health
/// check tagged <see cref="ReadyTag"/>, so other parts of the server can add their own.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>Tag of the health checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Path of the readiness endpoint.</summary>
    public const string ReadyPath = "/ready";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>Registers the readiness checks: the node is not draining, and its engine answers.</summary>
    public static void AddRelayHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DrainReadinessCheck>("draining", tags: [ReadyTag])
            .AddCheck<EngineReadinessCheck>("engine", tags: [ReadyTag]);
    }

    public static void MapHealth(this IEndpointRouteBuilder endpoints, RelayConfig config)
    {
        var prefix = string.IsNullOrEmpty(config.Health.HandlerPrefix) ? "/health" : config.Health.HandlerPrefix;
        endpoints.Map(prefix, static async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(EmptyObject).ConfigureAwait(false);
        });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = static registration => registration.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        var failing = report.Entries
            .Where(static e => e.Value.Status != HealthStatus.Healthy)
            .ToDictionary(static e => e.Key, static e => e.Value.Description ?? e.Value.Status.ToString(), StringComparer.Ordinal);
        var body = new ReadinessReport(report.Status == HealthStatus.Healthy ? "ready" : "not_ready", failing.Count == 0 ? null : failing);
        return context.Response.WriteAsJsonAsync(body, DiagnosticsJsonContext.Default.ReadinessReport, cancellationToken: context.RequestAborted);
    }
}
