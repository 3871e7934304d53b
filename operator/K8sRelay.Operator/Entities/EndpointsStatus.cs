namespace K8sRelay.Operator.Entities;

/// <summary>In-cluster addresses of the server.</summary>
public sealed class EndpointsStatus
{
    /// <summary>WebSocket endpoint for clients.</summary>
    public string? Client { get; set; }

    /// <summary>Base URL of the server HTTP API (POST &lt;url&gt;/publish with the X-API-Key header).</summary>
    public string? ServerApi { get; set; }
}
