namespace K8sRelay.Configuration.Model;

/// <summary>
/// The <c>engine</c> section: an engine is a broker (PUB/SUB, history) plus a presence manager
/// of the same kind.
/// </summary>
public sealed class EngineConfig
{
    /// <summary><c>engine.type</c>: <c>memory</c> (single node) or <c>redis</c> (multi-node). Default <c>memory</c>.</summary>
    public string Type { get; set; } = "memory";

    /// <summary><c>engine.redis</c>: Redis options used when <see cref="Type"/> is <c>redis</c>.</summary>
    public RedisEngineConfig Redis { get; set; } = new();
}
