using System.Text.Json;

namespace K8sRelay.Server.Tests.Api;

/// <summary>An HTTP answer of the server API: status, body text and content type.</summary>
public sealed record ApiAnswer(int Status, string Body, string? ContentType)
{
    /// <summary>The body parsed as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The <c>error.code</c> of a 200 answer, or null when it has a result.</summary>
    public int? ErrorCode => Json.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : null;
}
