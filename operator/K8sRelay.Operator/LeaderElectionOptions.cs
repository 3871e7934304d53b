namespace K8sRelay.Operator;

/// <summary>Leader election with a coordination.k8s.io Lease, so only one operator replica reconciles.</summary>
public sealed class LeaderElectionOptions
{
    /// <summary>Elect a leader. When false (single replica, local runs) the process always leads. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Name of the Lease. Default k8srelay-operator-leader.</summary>
    public string LeaseName { get; set; } = "k8srelay-operator-leader";

    /// <summary>Namespace of the Lease. Empty uses POD_NAMESPACE, then "default".</summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>Identity of this replica. Empty uses POD_NAME, then the machine name with a random suffix.</summary>
    public string? Identity { get; set; }

    /// <summary>How long a lease is valid without renewal. Default 15 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up. Default 10 s.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between attempts to acquire or renew. Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
