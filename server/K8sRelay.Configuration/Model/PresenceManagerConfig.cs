namespace K8sRelay.Configuration.Model;

/// <summary>The <c>presence_manager</c> section: a presence manager chosen separately from the engine.</summary>
public sealed class PresenceManagerConfig
{
    /// <summary><c>presence_manager.enabled</c>: use this presence manager instead of the engine's. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>presence_manager.type</c>: <c>memory</c> or <c>redis</c>. Default <c>memory</c>.</summary>
    public string Type { get; set; } = "memory";

    /// <summary><c>presence_manager.redis</c>: options of the Redis presence manager.</summary>
    public RedisPresenceManagerConfig Redis { get; set; } = new();
}
