namespace K8sRelay.Configuration.Model;

/// <summary>An HTTP response (status and body) that a connect error is turned into.</summary>
public sealed class HttpResponseTransformConfig
{
    /// <summary><c>status_code</c>: HTTP status; must be set. Default 0.</summary>
    public int StatusCode { get; set; }

    /// <summary><c>body</c>: response body. Default empty.</summary>
    public string Body { get; set; } = "";
}
