using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerConfig;

namespace K8sRelay.Operator.Builders;

/// <summary>Builds the server Deployment: probes, preStop delay, derived grace period, config hash and spread defaults.</summary>
public static class ServerDeploymentBuilder
{
    /// <summary>Seconds added to preStop delay and shutdown timeout for the termination grace period.</summary>
    public const int GraceMarginSeconds = 5;

    private static readonly string[] SpreadTopologyKeys = ["topology.kubernetes.io/zone", "kubernetes.io/hostname"];

    /// <summary>Path of config.json inside the container.</summary>
    public const string ConfigPath = "/etc/k8srelay/config.json";

    /// <summary>Builds the Deployment.</summary>
    public static V1Deployment Build(ServerBuildContext context)
    {
        var cluster = context.Cluster;
        var spec = cluster.Spec;
        var name = cluster.Metadata.Name;
        var selector = Labels.Selector(name, Labels.ServerComponent);

        var podLabels = new Dictionary<string, string>(spec.PodTemplate.Labels ?? []);
        foreach (var (key, value) in Labels.Common(name, Labels.ServerComponent, context.Version))
        {
            podLabels[key] = value;
        }

        var podAnnotations = new Dictionary<string, string>();
        if (spec.Monitoring.ScrapeAnnotations)
        {
            podAnnotations["prometheus.io/scrape"] = "true";
            podAnnotations["prometheus.io/port"] = ServerPorts.Internal.ToString(System.Globalization.CultureInfo.InvariantCulture);
            podAnnotations["prometheus.io/path"] = "/metrics";
        }

        foreach (var (key, value) in spec.PodTemplate.Annotations ?? [])
        {
            podAnnotations[key] = value;
        }

        podAnnotations[Labels.ConfigHashAnnotation] = context.ConfigHash;

        var metadata = OwnerReferences.ChildMetadata(cluster, context.Names.Deployment, Labels.ServerComponent);
        metadata.Labels[Labels.Version] = context.Version;
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = metadata,
            Spec = new V1DeploymentSpec
            {
                Replicas = context.DeploymentReplicas,
                Selector = new V1LabelSelector { MatchLabels = selector },
                MinReadySeconds = spec.Rollout.MinReadySeconds,
                RevisionHistoryLimit = 5,
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment
                    {
                        MaxSurge = IntOrStrings.Parse(spec.Rollout.MaxSurge),
                        MaxUnavailable = IntOrStrings.Parse(spec.Rollout.MaxUnavailable),
                    },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = podLabels, Annotations = podAnnotations },
                    Spec = ApplyOverrides(PodSpec(context), spec.PodTemplate.Spec),
                },
            },
        };
    }

    /// <summary>The derived termination grace period.</summary>
    public static long GracePeriodSeconds(RealtimeClusterSpec spec) =>
        spec.Rollout.PreStopDelaySeconds + spec.Rollout.ShutdownTimeoutSeconds + GraceMarginSeconds;

    private static V1PodSpec PodSpec(ServerBuildContext context)
    {
        var spec = context.Cluster.Spec;
        var scheduling = spec.Scheduling;
        return new V1PodSpec
        {
            TerminationGracePeriodSeconds = GracePeriodSeconds(spec),
            ImagePullSecrets = spec.ImagePullSecrets is { Count: > 0 } secrets ? [.. secrets.Select(s => new V1LocalObjectReference { Name = s })] : null,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = 65532,
                RunAsGroup = 65532,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            NodeSelector = scheduling.NodeSelector is { Count: > 0 } nodeSelector ? nodeSelector : null,
            Tolerations = scheduling.Tolerations is { Count: > 0 } tolerations ? tolerations : null,
            Affinity = scheduling.Affinity,
            PriorityClassName = scheduling.PriorityClassName,
            TopologySpreadConstraints = scheduling.TopologySpreadConstraints is { Count: > 0 } spread ? spread : DefaultSpread(context.Cluster.Metadata.Name),
            Containers = [ServerContainer(context)],
            Volumes = [new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = context.Names.ConfigMap } }],
        };
    }

    private static V1Container ServerContainer(ServerBuildContext context)
    {
        var spec = context.Cluster.Spec;
        return new V1Container
        {
            Name = "server",
            Image = context.Image,
            ImagePullPolicy = string.IsNullOrEmpty(spec.ImagePullPolicy) ? null : spec.ImagePullPolicy,
            Args = ["--config", ConfigPath],
            Ports =
            [
                new V1ContainerPort { Name = "http", ContainerPort = ServerPorts.Client, Protocol = "TCP" },
                new V1ContainerPort { Name = "internal", ContainerPort = ServerPorts.Internal, Protocol = "TCP" },
            ],
            Env = ServerEnvironment.Build(context.Cluster),
            Resources = spec.Resources,
            VolumeMounts = [new V1VolumeMount { Name = "config", MountPath = "/etc/k8srelay", ReadOnlyProperty = true }],
            ReadinessProbe = Probe("/ready", 5, 3),
            LivenessProbe = Probe("/health", 10, 6),
            StartupProbe = Probe("/health", 2, 30),
            Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = spec.Rollout.PreStopDelaySeconds } } },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
        };
    }

    private static V1Probe Probe(string path, int period, int failures) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = (IntOrString)"internal" },
        PeriodSeconds = period,
        FailureThreshold = failures,
        TimeoutSeconds = 2,
    };

    private static List<V1TopologySpreadConstraint> DefaultSpread(string cluster) =>
    [
        .. SpreadTopologyKeys.Select(key => new V1TopologySpreadConstraint
        {
            TopologyKey = key,
            MaxSkew = 1,
            WhenUnsatisfiable = "ScheduleAnyway",
            LabelSelector = new V1LabelSelector { MatchLabels = Labels.Selector(cluster, Labels.ServerComponent) },
        }),
    ];

    private static V1PodSpec ApplyOverrides(V1PodSpec podSpec, JsonObject? overrides)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return podSpec;
        }

        var json = JsonNode.Parse(KubernetesJson.Serialize(podSpec))!.AsObject();
        JsonMerge.Into(json, overrides);
        return KubernetesJson.Deserialize<V1PodSpec>(json.ToJsonString());
    }
}
