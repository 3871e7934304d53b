namespace K8sRelay.Configuration.Model;

/// <summary>The <c>usage_stats</c> section: anonymous usage statistics.</summary>
public sealed class UsageStatsConfig
{
    /// <summary><c>usage_stats.disabled</c>: do not send usage statistics. Default false.</summary>
    public bool Disabled { get; set; }
}
