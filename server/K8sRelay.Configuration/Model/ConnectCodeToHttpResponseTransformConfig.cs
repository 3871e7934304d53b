namespace K8sRelay.Configuration.Model;

/// <summary>One item of <c>connect_code_to_http_response.transforms</c>.</summary>
public sealed class ConnectCodeToHttpResponseTransformConfig
{
    /// <summary><c>code</c>: connect error code to match; must be set. Default 0.</summary>
    public int Code { get; set; }

    /// <summary><c>to</c>: HTTP response sent instead. Default empty.</summary>
    public HttpResponseTransformConfig To { get; set; } = new();
}
