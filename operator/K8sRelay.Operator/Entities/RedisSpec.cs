using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>Redis engine settings: an operator-managed Redis or an external one.</summary>
[CelRule("self.mode != 'Managed' || !has(self.external)", "external must be empty when mode is Managed")]
[CelRule("self.mode != 'External' || has(self.external)", "external is required when mode is External")]
public sealed class RedisSpec
{
    /// <summary>Managed (default) or External.</summary>
    [CelRule("self == oldSelf", "engine.redis.mode cannot change once set; create a new cluster instead")]
    public RedisMode Mode { get; set; } = RedisMode.Managed;

    /// <summary>Settings of the operator-managed Redis (mode Managed).</summary>
    public ManagedRedisSpec? Managed { get; set; }

    /// <summary>Addresses and credentials of an external Redis (mode External).</summary>
    public ExternalRedisSpec? External { get; set; }

    /// <summary>Key prefix in Redis, so several clusters can share one Redis. Empty means the server default.</summary>
    public string? Prefix { get; set; }
}
