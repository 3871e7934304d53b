namespace K8sRelay.Configuration.Model;

/// <summary>A client error (code, message, temporary flag) that an HTTP status is turned into.</summary>
public sealed class ErrorTransformConfig
{
    /// <summary><c>code</c>: error code. Default 0 (not set).</summary>
    public int Code { get; set; }

    /// <summary><c>message</c>: error message, ASCII. Default empty.</summary>
    public string Message { get; set; } = "";

    /// <summary><c>temporary</c>: mark the error as temporary (the client retries). Default false.</summary>
    public bool Temporary { get; set; }
}
