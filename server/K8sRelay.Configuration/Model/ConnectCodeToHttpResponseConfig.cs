namespace K8sRelay.Configuration.Model;

/// <summary>The <c>connect_code_to_http_response</c> block of <c>uni_sse</c> and <c>uni_http_stream</c>.</summary>
public sealed class ConnectCodeToHttpResponseConfig
{
    /// <summary><c>enabled</c>: apply <c>transforms</c>. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>transforms</c>: connect error code to HTTP response mappings; as an environment variable a JSON array. Default empty.</summary>
    public List<ConnectCodeToHttpResponseTransformConfig> Transforms { get; set; } = [];
}
