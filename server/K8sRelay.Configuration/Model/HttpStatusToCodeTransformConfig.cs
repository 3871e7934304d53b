namespace K8sRelay.Configuration.Model;

/// <summary>One item of a proxy's <c>http.status_to_code_transforms</c>: exactly one of <see cref="ToError"/> or <see cref="ToDisconnect"/> must carry a code.</summary>
public sealed class HttpStatusToCodeTransformConfig
{
    /// <summary><c>status_code</c>: backend HTTP status to match; must be set.</summary>
    public int StatusCode { get; set; }

    /// <summary><c>to_error</c>: client error returned instead.</summary>
    public ErrorTransformConfig ToError { get; set; } = new();

    /// <summary><c>to_disconnect</c>: disconnect sent instead.</summary>
    public DisconnectTransformConfig ToDisconnect { get; set; } = new();
}
