using k8s.Models;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerConfig;

namespace K8sRelay.Operator.Builders;

/// <summary>
/// Builds an operator-managed Redis: a StatefulSet of data pods (pod 0 starts as primary, the others replicate
/// it), a headless Service for stable pod names, a client Service and, for the Sentinel topology, a Sentinel
/// StatefulSet with its Service.
/// </summary>
public static class RedisBuilder
{
    /// <summary>Component label of Redis data pods.</summary>
    public const string RedisComponent = "redis";

    /// <summary>Component label of Sentinel pods.</summary>
    public const string SentinelComponent = "sentinel";

    /// <summary>Every managed Redis object of the cluster; empty unless the engine is a managed Redis.</summary>
    public static IReadOnlyList<k8s.IKubernetesObject<V1ObjectMeta>> Build(V1Alpha1RealtimeCluster cluster)
    {
        var redis = cluster.Spec.Engine.Redis;
        if (cluster.Spec.Engine.Type != EngineType.Redis || redis is null || redis.Mode != RedisMode.Managed)
        {
            return [];
        }

        var managed = redis.Managed ?? new ManagedRedisSpec();
        var names = new ClusterNames(cluster.Metadata.Name);
        var sentinel = managed.Topology == RedisTopology.Sentinel;
        var objects = new List<k8s.IKubernetesObject<V1ObjectMeta>>
        {
            Service(cluster, names.RedisHeadless, RedisComponent, RedisEndpoints.RedisPort, headless: true),
            Service(cluster, names.Redis, RedisComponent, RedisEndpoints.RedisPort, headless: false),
            DataStatefulSet(cluster, managed, names, sentinel ? managed.Replicas : 1),
        };
        if (sentinel)
        {
            objects.Add(Service(cluster, names.Sentinel, SentinelComponent, RedisEndpoints.SentinelPort, headless: false));
            objects.Add(SentinelStatefulSet(cluster, managed, names));
        }

        return objects;
    }

    private static V1Service Service(V1Alpha1RealtimeCluster cluster, string name, string component, int port, bool headless) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = OwnerReferences.ChildMetadata(cluster, name, component),
        Spec = new V1ServiceSpec
        {
            ClusterIP = headless ? "None" : null,
            PublishNotReadyAddresses = headless ? true : null,
            Selector = Labels.Selector(cluster.Metadata.Name, component),
            Ports = [new V1ServicePort { Name = component, Port = port, TargetPort = (IntOrString)component, Protocol = "TCP" }],
        },
    };

    private static V1StatefulSet DataStatefulSet(V1Alpha1RealtimeCluster cluster, ManagedRedisSpec managed, ClusterNames names, int replicas)
    {
        var primary = $"{names.Redis}-0.{names.RedisHeadless}.{cluster.Metadata.NamespaceProperty}.svc";
        var script = "if [ \"${HOSTNAME##*-}\" = \"0\" ]; then exec redis-server --save '' --appendonly no --protected-mode no; " +
                     $"else exec redis-server --save '' --appendonly no --protected-mode no --replicaof {primary} {RedisEndpoints.RedisPort}; fi";
        return StatefulSet(cluster, managed, names.Redis, names.RedisHeadless, RedisComponent, replicas, RedisEndpoints.RedisPort, script, persistent: true);
    }

    private static V1StatefulSet SentinelStatefulSet(V1Alpha1RealtimeCluster cluster, ManagedRedisSpec managed, ClusterNames names)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var primary = $"{names.Redis}-0.{names.RedisHeadless}.{ns}.svc";
        var quorum = (managed.SentinelReplicas / 2) + 1;
        var master = names.SentinelMaster;
        var script = string.Join("; ",
            "printf '%s\\n' 'port 26379' 'sentinel resolve-hostnames yes' 'sentinel announce-hostnames yes'" +
            $" 'sentinel monitor {master} {primary} {RedisEndpoints.RedisPort} {quorum}'" +
            $" 'sentinel down-after-milliseconds {master} 5000' 'sentinel failover-timeout {master} 20000' > /data/sentinel.conf",
            "exec redis-sentinel /data/sentinel.conf");
        return StatefulSet(cluster, managed, names.Sentinel, names.Sentinel, SentinelComponent, managed.SentinelReplicas, RedisEndpoints.SentinelPort, script, persistent: false);
    }

    private static V1StatefulSet StatefulSet(V1Alpha1RealtimeCluster cluster, ManagedRedisSpec managed, string name, string serviceName,
        string component, int replicas, int port, string script, bool persistent)
    {
        var claim = persistent && !string.IsNullOrEmpty(managed.StorageSize);
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = OwnerReferences.ChildMetadata(cluster, name, component),
            Spec = new V1StatefulSetSpec
            {
                Replicas = replicas,
                ServiceName = serviceName,
                PodManagementPolicy = "Parallel",
                Selector = new V1LabelSelector { MatchLabels = Labels.Selector(cluster.Metadata.Name, component) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Labels.Common(cluster.Metadata.Name, component) },
                    Spec = new V1PodSpec
                    {
                        SecurityContext = new V1PodSecurityContext { RunAsNonRoot = true, RunAsUser = 999, FsGroup = 999, SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
                        Containers =
                        [
                            new V1Container
                            {
                                Name = component,
                                Image = managed.Image,
                                Command = ["sh", "-c", script],
                                Ports = [new V1ContainerPort { Name = component, ContainerPort = port, Protocol = "TCP" }],
                                Resources = managed.Resources,
                                ReadinessProbe = new V1Probe { Exec = new V1ExecAction { Command = ["redis-cli", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "ping"] }, PeriodSeconds = 5 },
                                VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = "/data" }],
                                SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, Capabilities = new V1Capabilities { Drop = ["ALL"] } },
                            },
                        ],
                        Volumes = claim ? null : [new V1Volume { Name = "data", EmptyDir = new V1EmptyDirVolumeSource() }],
                    },
                },
                VolumeClaimTemplates = claim
                    ? [new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data" },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            StorageClassName = string.IsNullOrEmpty(managed.StorageClassName) ? null : managed.StorageClassName,
                            Resources = new V1VolumeResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new ResourceQuantity(managed.StorageSize) } },
                        },
                    }]
                    : null,
            },
        };
    }
}
