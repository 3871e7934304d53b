namespace K8sRelay.Configuration.Model;

/// <summary>The <c>swagger</c> section: the Swagger UI for the server HTTP API.</summary>
public sealed class SwaggerConfig
{
    /// <summary><c>swagger.enabled</c>: serve the Swagger UI. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>swagger.handler_prefix</c>: path the endpoint is served at. Default <c>/swagger</c>.</summary>
    public string HandlerPrefix { get; set; } = "/swagger";
}
