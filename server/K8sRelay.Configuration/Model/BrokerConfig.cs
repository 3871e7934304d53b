namespace K8sRelay.Configuration.Model;

/// <summary>The <c>broker</c> section: a broker chosen separately from the engine.</summary>
public sealed class BrokerConfig
{
    /// <summary><c>broker.enabled</c>: use this broker instead of the engine's. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>broker.type</c>: <c>memory</c>, <c>redis</c> or <c>nats</c>. Default <c>memory</c>.</summary>
    public string Type { get; set; } = "memory";

    /// <summary><c>broker.redis</c>: options of the Redis broker.</summary>
    public RedisBrokerConfig Redis { get; set; } = new();

    /// <summary><c>broker.nats</c>: options of the NATS broker (at-most-once, no history).</summary>
    public NatsBrokerConfig Nats { get; set; } = new();
}
