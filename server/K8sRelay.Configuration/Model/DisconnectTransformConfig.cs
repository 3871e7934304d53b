namespace K8sRelay.Configuration.Model;

/// <summary>A disconnect (code and reason) that an error is turned into.</summary>
public sealed class DisconnectTransformConfig
{
    /// <summary><c>code</c>: disconnect code. Default 0 (not set).</summary>
    public int Code { get; set; }

    /// <summary><c>reason</c>: disconnect reason, ASCII. Default empty.</summary>
    public string Reason { get; set; } = "";
}
