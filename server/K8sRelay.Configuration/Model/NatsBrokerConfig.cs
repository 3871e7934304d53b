namespace K8sRelay.Configuration.Model;

/// <summary>The <c>broker.nats</c> section. NATS gives PUB/SUB only: no history and no recovery.</summary>
public sealed class NatsBrokerConfig
{
    /// <summary><c>broker.nats.url</c>: NATS server URL. Default <c>nats://localhost:4222</c>.</summary>
    public string Url { get; set; } = "nats://localhost:4222";

    /// <summary><c>broker.nats.prefix</c>: subject prefix, to share one NATS between setups. Default <c>centrifugo</c>.</summary>
    public string Prefix { get; set; } = "centrifugo";

    /// <summary><c>broker.nats.dial_timeout</c>: connect timeout. Default 1s.</summary>
    public TimeSpan DialTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>broker.nats.write_timeout</c>: write timeout. Default 1s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>broker.nats.tls</c>: TLS to NATS. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();

    /// <summary><c>broker.nats.allow_wildcards</c>: allow wildcard subscriptions (no presence or join/leave for them). Default false.</summary>
    public bool AllowWildcards { get; set; }

    /// <summary><c>broker.nats.raw_mode</c>: exchange raw payloads with NATS, without Centrifugo framing.</summary>
    public NatsRawModeConfig RawMode { get; set; } = new();
}
