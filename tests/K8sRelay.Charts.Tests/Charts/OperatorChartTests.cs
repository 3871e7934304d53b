using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary>What the operator chart renders for each ci values file.</summary>
public sealed class OperatorChartTests
{
    private const string Fullname = Helm.Release + "-" + ChartNames.Operator;

    private static async Task<RenderedChart> RenderAsync(string valuesFile) => await ChartRenders.GetAsync(ChartNames.Operator, valuesFile);

    [Fact]
    public async Task Deployment_ProbesTheHealthEndpointsAndRunsLockedDown()
    {
        var render = await RenderAsync("default-values.yaml");
        var pod = new PodTemplate(render.Get("Deployment", Fullname));

        Assert.Equal("k8srelay/operator:0.1.0", (string?)pod.Container["image"]);
        Assert.Equal(8080, pod.Ports["http-metrics"]);
        Assert.Equal("/healthz", (string?)pod.Container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)pod.Container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("http-metrics", (string?)pod.Container["readinessProbe"]!["httpGet"]!["port"]);
        Assert.Equal(true, (bool?)pod.Spec["securityContext"]!["runAsNonRoot"]);
        Assert.Equal(true, (bool?)pod.Container["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.Equal(["ALL"], pod.Container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
        Assert.NotNull(pod.Container["resources"]!["limits"]!["memory"]);
        Assert.Equal("metadata.name", (string?)pod.Env["POD_NAME"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
        Assert.Equal("metadata.namespace", (string?)pod.Env["POD_NAMESPACE"]["valueFrom"]!["fieldRef"]!["fieldPath"]);
    }

    [Fact]
    public async Task MetricsService_PointsAtTheMetricsPort()
    {
        var render = await RenderAsync("default-values.yaml");
        var service = render.Get("Service", Fullname + "-metrics")["spec"]!;

        Assert.Equal("http-metrics", (string?)service["ports"]![0]!["targetPort"]);
        Assert.Equal(Fullname[..Helm.Release.Length], (string?)service["selector"]!["app.kubernetes.io/instance"]);
        Assert.Empty(render.OfKind("ServiceMonitor"));
    }

    [Fact]
    public async Task Namespaced_PassesTheWatchedNamespaceAndPinnedServerVersion()
    {
        var render = await RenderAsync("namespaced-values.yaml");
        var deployment = render.Get("Deployment", Fullname);
        var pod = new PodTemplate(deployment);

        Assert.Equal(2, (int?)deployment["spec"]!["replicas"]);
        Assert.Equal("realtime", (string?)pod.Env["K8SRELAY_OPERATOR__WATCHNAMESPACE"]["value"]);
        Assert.Equal("0.1.0", (string?)pod.Env["K8SRELAY_OPERATOR__DEFAULTSERVERVERSION"]["value"]);
        Assert.Equal("true", (string?)pod.Env["K8SRELAY_OPERATOR__LEADERELECTION__ENABLED"]["value"]);
        Assert.Equal("Debug", (string?)pod.Env["Logging__LogLevel__Default"]["value"]);
    }

    [Fact]
    public async Task ConnectionAutoscaling_RendersTheAdapterRuleForTheConnectionsGauge()
    {
        var render = await RenderAsync("connection-autoscaling-values.yaml");
        var rules = render.Get("ConfigMap", Fullname + "-adapter-rules");

        Assert.Equal("monitoring", (string?)rules["metadata"]!["namespace"]);
        var config = (string)rules["data"]!["config.yaml"]!;
        Assert.Contains("seriesQuery: 'centrifugo_node_num_clients{namespace!=\"\",pod!=\"\"}'", config, StringComparison.Ordinal);
        Assert.Contains("as: k8srelay_connections", config, StringComparison.Ordinal);
        Assert.Contains("resource: pod", config, StringComparison.Ordinal);
        Assert.Contains("metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionAutoscaling_ScrapesEveryOperatorManagedServerPod()
    {
        var render = await RenderAsync("connection-autoscaling-values.yaml");
        var monitor = render.Get("PodMonitor", Fullname + "-servers")["spec"]!;
        var labels = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.OperatorSource, "Builders", "Labels.cs"), TestContext.Current.CancellationToken);

        Assert.Equal(true, (bool?)monitor["namespaceSelector"]!["any"]);
        Assert.Equal("internal", (string?)monitor["podMetricsEndpoints"]![0]!["port"]);
        Assert.Equal("/metrics", (string?)monitor["podMetricsEndpoints"]![0]!["path"]);
        var selector = monitor["selector"]!["matchLabels"]!.AsObject();
        Assert.Equal("k8srelay", (string?)selector["app.kubernetes.io/name"]);
        Assert.Equal("server", (string?)selector["app.kubernetes.io/component"]);
        Assert.Equal("k8srelay-operator", (string?)selector["app.kubernetes.io/managed-by"]);

        // The same label values as the operator puts on its pods.
        Assert.Contains("[Name] = \"k8srelay\"", labels, StringComparison.Ordinal);
        Assert.Contains("ServerComponent = \"server\"", labels, StringComparison.Ordinal);
        Assert.Contains("OperatorName = \"k8srelay-operator\"", labels, StringComparison.Ordinal);
        var deploymentBuilder = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.OperatorSource, "Builders", "ServerDeploymentBuilder.cs"), TestContext.Current.CancellationToken);
        Assert.Contains("Name = \"internal\"", deploymentBuilder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionAutoscaling_KedaScalesTheRealtimeClusterThroughItsScaleSubresource()
    {
        var render = await RenderAsync("connection-autoscaling-values.yaml");
        var chat = render.Get("ScaledObject", "chat-connections");
        var feed = render.Get("ScaledObject", "feed-connections");
        var trigger = chat["spec"]!["triggers"]![0]!;

        Assert.Equal("apps", (string?)chat["metadata"]!["namespace"]);
        Assert.Equal(Helm.Namespace, (string?)feed["metadata"]!["namespace"]);
        Assert.Equal("RealtimeCluster", (string?)chat["spec"]!["scaleTargetRef"]!["kind"]);
        Assert.Equal("k8srelay.io/v1alpha1", (string?)chat["spec"]!["scaleTargetRef"]!["apiVersion"]);
        Assert.Equal(2, (int?)chat["spec"]!["minReplicaCount"]);
        Assert.Equal(20, (int?)chat["spec"]!["maxReplicaCount"]);
        Assert.Equal("prometheus", (string?)trigger["type"]);
        Assert.Equal("AverageValue", (string?)trigger["metricType"]);
        Assert.Equal("5000", (string?)trigger["metadata"]!["threshold"]);
        Assert.Equal("sum(centrifugo_node_num_clients{namespace=\"apps\",pod=~\"chat-[a-z0-9]+-[a-z0-9]{5}\"})", (string?)trigger["metadata"]!["query"]);
        Assert.Equal("10000", (string?)feed["spec"]!["triggers"]![0]!["metadata"]!["threshold"]);
    }

    [Fact]
    public async Task ConnectionAutoscaling_MonitorsTheOperatorItself()
    {
        var render = await RenderAsync("connection-autoscaling-values.yaml");
        var monitor = render.Get("ServiceMonitor", Fullname);

        Assert.Equal("prometheus", (string?)monitor["metadata"]!["labels"]!["release"]);
        Assert.Equal("http-metrics", (string?)monitor["spec"]!["endpoints"]![0]!["port"]);
    }
}
