namespace K8sRelay.Configuration.Model;

/// <summary>
/// The <c>shutdown</c> section: graceful shutdown. <c>timeout</c> is Centrifugo's key; <c>drain_grace</c> and
/// <c>drain_period</c> are K8sRelay's own and pace the disconnects so clients move to other nodes smoothly.
/// </summary>
public sealed class ShutdownConfig
{
    /// <summary><c>shutdown.timeout</c>: maximum time to stop servers and disconnect clients (3001) before a hard exit, &gt; 0. Default 30s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>shutdown.drain_grace</c> (K8sRelay): how long a draining node, already reporting not ready, still accepts
    /// new connections while load balancers stop routing to it, &gt;= 0. Skipped when no client is connected. Default 2s.
    /// </summary>
    public TimeSpan DrainGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// <c>shutdown.drain_period</c> (K8sRelay): the time over which a draining node spreads the disconnects
    /// (3001, clients reconnect elsewhere) of its clients evenly, &gt;= 0; 0 disconnects everybody at once.
    /// On shutdown the grace and the period are shortened when needed to finish within <c>shutdown.timeout</c>.
    /// Default 15s.
    /// </summary>
    public TimeSpan DrainPeriod { get; set; } = TimeSpan.FromSeconds(15);
}
