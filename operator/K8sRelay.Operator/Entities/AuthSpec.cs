namespace K8sRelay.Operator.Entities;

/// <summary>
/// Secrets of the server. Each value is either generated once by the operator into the Secret
/// &lt;name&gt;-auth (never regenerated implicitly) or read from a Secret you manage.
/// </summary>
public sealed class AuthSpec
{
    /// <summary>HMAC key that verifies client connection and subscription tokens (client.token.hmac_secret_key).</summary>
    public SecretSourceSpec TokenHmacSecret { get; set; } = new();

    /// <summary>Key of the server HTTP API (http_api.key); backends send it in the X-API-Key header.</summary>
    public SecretSourceSpec ApiKey { get; set; } = new();

    /// <summary>The admin web interface and its credentials.</summary>
    public AdminSpec Admin { get; set; } = new();

    /// <summary>Explicit rotation of the generated secrets.</summary>
    public RotationSpec Rotation { get; set; } = new();
}
