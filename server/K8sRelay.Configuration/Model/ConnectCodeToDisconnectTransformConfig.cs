namespace K8sRelay.Configuration.Model;

/// <summary>One item of <c>client.connect_code_to_unidirectional_disconnect.transforms</c>.</summary>
public sealed class ConnectCodeToDisconnectTransformConfig
{
    /// <summary><c>code</c>: connect error code to match; must be set (&gt; 0).</summary>
    public int Code { get; set; }

    /// <summary><c>to</c>: disconnect sent instead.</summary>
    public DisconnectTransformConfig To { get; set; } = new();
}
