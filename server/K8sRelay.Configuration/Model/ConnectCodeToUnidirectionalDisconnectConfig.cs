namespace K8sRelay.Configuration.Model;

/// <summary>The <c>client.connect_code_to_unidirectional_disconnect</c> section.</summary>
public sealed class ConnectCodeToUnidirectionalDisconnectConfig
{
    /// <summary><c>enabled</c>: apply <see cref="Transforms"/>; otherwise any connect error becomes disconnect 3004 on unidirectional transports. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>transforms</c>: error code to disconnect mappings. Default empty. As an environment variable: a JSON array.</summary>
    public List<ConnectCodeToDisconnectTransformConfig> Transforms { get; set; } = [];
}
