using K8sRelay.Configuration.Model;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Health;

/// <summary>
/// <c>GET /health</c> answers <c>{}</c> like Centrifugo (always mapped: liveness probes rely on it);
/// <c>/ready</c> answers 200 while the node accepts connections and 503 while it shuts down or drains.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static void MapHealth(this IEndpointRouteBuilder endpoints, RelayConfig config)
    {
        var prefix = string.IsNullOrEmpty(config.Health.HandlerPrefix) ? "/health" : config.Health.HandlerPrefix;
        endpoints.Map(prefix, static async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(EmptyObject).ConfigureAwait(false);
        });
        endpoints.Map("/ready", static async (HttpContext context, RelayNode node) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.StatusCode = node.IsShuttingDown ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            await context.Response.Body.WriteAsync(EmptyObject).ConfigureAwait(false);
        });
    }
}
