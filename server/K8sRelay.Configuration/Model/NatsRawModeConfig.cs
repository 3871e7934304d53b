namespace K8sRelay.Configuration.Model;

/// <summary>The <c>broker.nats.raw_mode</c> section.</summary>
public sealed class NatsRawModeConfig
{
    /// <summary><c>broker.nats.raw_mode.enabled</c>: use raw mode. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// <c>broker.nats.raw_mode.channel_replacements</c>: substrings of channel names to replace
    /// when mapping to NATS subjects, for example <c>{":": "."}</c>. Default empty. As an
    /// environment variable: a JSON object.
    /// </summary>
    public Dictionary<string, string> ChannelReplacements { get; set; } = [];

    /// <summary><c>broker.nats.raw_mode.prefix</c>: subject prefix in raw mode. Default empty.</summary>
    public string Prefix { get; set; } = "";
}
