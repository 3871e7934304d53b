using System.Text.Json;

namespace K8sRelay.Core.Auth;

/// <summary>A token whose signature, audience and issuer passed, with its parsed payload. Dispose after use.</summary>
internal sealed class VerifiedToken : IDisposable
{
    private readonly JsonDocument _document;

    public VerifiedToken(JsonDocument document, RegisteredClaims registered)
    {
        _document = document;
        Registered = registered;
    }

    /// <summary>The payload object.</summary>
    public JsonElement Payload => _document.RootElement;

    /// <summary>The standard claims.</summary>
    public RegisteredClaims Registered { get; }

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();
}
