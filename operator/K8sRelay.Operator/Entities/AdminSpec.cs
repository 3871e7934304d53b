namespace K8sRelay.Operator.Entities;

/// <summary>The server's admin web interface (admin.enabled) and its credentials.</summary>
public sealed class AdminSpec
{
    /// <summary>Serve the admin web interface on the internal port.</summary>
    public bool Enabled { get; set; }

    /// <summary>Admin login password (admin.password).</summary>
    public SecretSourceSpec Password { get; set; } = new();

    /// <summary>Key that signs admin session tokens (admin.secret).</summary>
    public SecretSourceSpec Secret { get; set; } = new();
}
