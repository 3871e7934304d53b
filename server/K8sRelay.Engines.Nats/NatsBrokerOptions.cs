namespace K8sRelay.Engines.Nats;

/// <summary>Settings of the NATS broker, named after Centrifugo's <c>broker.nats.*</c> keys.</summary>
public sealed class NatsBrokerOptions
{
    /// <summary>NATS server URL (Centrifugo's <c>url</c>). Default <c>nats://127.0.0.1:4222</c>.</summary>
    public string Url { get; set; } = "nats://127.0.0.1:4222";

    /// <summary>Prefix of every subject (Centrifugo's <c>prefix</c>). Default <c>centrifugo</c>. Must not be empty.</summary>
    public string Prefix { get; set; } = "centrifugo";

    /// <summary>How long to wait for a connection (Centrifugo's <c>dial_timeout</c>). Default 1 s. Must be positive.</summary>
    public TimeSpan DialTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a publish may wait, including while disconnected (Centrifugo's <c>write_timeout</c>). Default 1 s. Must be positive.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
