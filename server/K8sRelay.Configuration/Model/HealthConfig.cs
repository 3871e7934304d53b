namespace K8sRelay.Configuration.Model;

/// <summary>The <c>health</c> section: the health check endpoint (200 with body <c>{}</c>).</summary>
public sealed class HealthConfig
{
    /// <summary><c>health.enabled</c>: serve the health endpoint. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>health.handler_prefix</c>: path the endpoint is served at. Default <c>/health</c>.</summary>
    public string HandlerPrefix { get; set; } = "/health";
}
