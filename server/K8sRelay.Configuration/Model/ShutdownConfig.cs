namespace K8sRelay.Configuration.Model;

/// <summary>The <c>shutdown</c> section: graceful shutdown.</summary>
public sealed class ShutdownConfig
{
    /// <summary><c>shutdown.timeout</c>: maximum time to stop servers and disconnect clients (3001) before a hard exit, &gt; 0. Default 30s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
