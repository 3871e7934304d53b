using System.ComponentModel.DataAnnotations;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>An operator-managed Redis: a StatefulSet, its Services and, for the Sentinel topology, Sentinel pods.</summary>
public sealed class ManagedRedisSpec
{
    /// <summary>Standalone (default) or Sentinel.</summary>
    public RedisTopology Topology { get; set; } = RedisTopology.Standalone;

    /// <summary>Redis data pods. Standalone always runs one.</summary>
    [Range(1, 9)]
    public int Replicas { get; set; } = 1;

    /// <summary>Sentinel pods for the Sentinel topology; an odd number of at least 3 keeps a quorum.</summary>
    [Range(1, 9)]
    public int SentinelReplicas { get; set; } = 3;

    /// <summary>Redis image, also used for Sentinel.</summary>
    public string Image { get; set; } = "redis:7.4";

    /// <summary>Compute resources of each Redis container (a core/v1 ResourceRequirements).</summary>
    [PreserveUnknownFields]
    public k8s.Models.V1ResourceRequirements? Resources { get; set; }

    /// <summary>Persistent storage size of each Redis pod, for example 1Gi. Empty (default) keeps data in memory only, which suits the server's ephemeral data.</summary>
    public string? StorageSize { get; set; }

    /// <summary>Storage class of the Redis volumes. Empty uses the cluster default.</summary>
    public string? StorageClassName { get; set; }
}
