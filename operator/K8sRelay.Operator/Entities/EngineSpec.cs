using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>The engine (broker and presence manager) of the server cluster.</summary>
[CelRule("self.type != 'Redis' || has(self.redis)", "engine.redis is required when engine.type is Redis")]
public sealed class EngineSpec
{
    /// <summary>Memory (default; one replica) or Redis.</summary>
    public EngineType Type { get; set; } = EngineType.Memory;

    /// <summary>Redis settings; required when type is Redis.</summary>
    public RedisSpec? Redis { get; set; }
}
