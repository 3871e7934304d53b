namespace K8sRelay.Operator.Entities;

/// <summary>Secret keys that hold the credentials applications need.</summary>
public sealed class SecretsStatus
{
    /// <summary>The token HMAC key, for backends that issue connection tokens.</summary>
    public SecretKeyReference? TokenHmacSecret { get; set; }

    /// <summary>The server API key.</summary>
    public SecretKeyReference? ApiKey { get; set; }

    /// <summary>The admin password, when the admin interface is enabled.</summary>
    public SecretKeyReference? AdminPassword { get; set; }
}
