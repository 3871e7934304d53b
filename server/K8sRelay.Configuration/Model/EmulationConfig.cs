namespace K8sRelay.Configuration.Model;

/// <summary>The <c>emulation</c> section: the endpoint receiving client commands of emulated transports.</summary>
public sealed class EmulationConfig
{
    /// <summary><c>emulation.handler_prefix</c>: path the endpoint is served at. Default <c>/emulation</c>.</summary>
    public string HandlerPrefix { get; set; } = "/emulation";

    /// <summary><c>emulation.max_request_body_size</c>: maximum request body size in bytes, &gt; 0. Default 65536.</summary>
    public int MaxRequestBodySize { get; set; } = 65536;
}
