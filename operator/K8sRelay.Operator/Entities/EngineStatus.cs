namespace K8sRelay.Operator.Entities;

/// <summary>How the servers reach their engine.</summary>
public sealed class EngineStatus
{
    /// <summary>Memory or Redis.</summary>
    public string? Type { get; set; }

    /// <summary>Managed or External, for Redis.</summary>
    public string? Mode { get; set; }

    /// <summary>Redis, Sentinel or Cluster addresses the servers use.</summary>
    public List<string>? Addresses { get; set; }

    /// <summary>Sentinel master name, for Sentinel.</summary>
    public string? MasterName { get; set; }
}
