using k8s;
using System.Text.Json.Nodes;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Tests.Fake;

namespace K8sRelay.Operator.Tests.Scenarios;

/// <summary>Create, change, repair and steady state of one RealtimeCluster with the whole operator host.</summary>
public sealed class ClusterLifecycleTests
{
    [Fact]
    public async Task Create_MinimalSample_CreatesEveryChild_AndReportsReady()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();

        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");

        await OperatorScenario.WaitForAsync(() => (scenario.Cluster("chat")?["status"]?["nodes"] as JsonArray)?.Count == 1, "per-node counts from the info call");

        Assert.NotNull(scenario.Object("", "configmaps", "chat-config"));
        Assert.NotNull(scenario.Object("", "secrets", "chat-auth"));
        Assert.NotNull(scenario.Object("", "services", "chat"));
        Assert.NotNull(scenario.Object("", "services", "chat-internal"));
        Assert.NotNull(scenario.Object("apps", "deployments", "chat"));
        Assert.Null(scenario.Object("policy", "poddisruptionbudgets", "chat"));
        Assert.Single(scenario.ServerPods("chat"));
        var status = scenario.Cluster("chat")!["status"]!;
        Assert.Equal(1, status["readyReplicas"]!.ToInt());
        Assert.Equal("app.kubernetes.io/component=server,app.kubernetes.io/instance=chat,app.kubernetes.io/name=k8srelay", status["selector"]!.GetValue<string>());
        Assert.Equal("chat-auth", status["secrets"]!["apiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("True", scenario.Condition("chat", "ConfigValid"));
        Assert.Equal("True", scenario.Condition("chat", "EngineReady"));
        Assert.Single(status["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Create_ManagedRedisSample_CreatesRedisSentinelPdbAndHpa()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();

        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-redis-autoscaling"));
        await scenario.WaitForReadyAsync("live");

        Assert.NotNull(scenario.Object("apps", "statefulsets", "live-redis"));
        Assert.NotNull(scenario.Object("apps", "statefulsets", "live-redis-sentinel"));
        Assert.NotNull(scenario.Object("policy", "poddisruptionbudgets", "live"));
        var hpa = scenario.Object("autoscaling", "horizontalpodautoscalers", "live")!;
        Assert.Equal("RealtimeCluster", hpa["spec"]!["scaleTargetRef"]!["kind"]!.GetValue<string>());
        Assert.Equal(3, scenario.ServerPods("live").Count);
        Assert.Equal("SentinelQuorum", ((JsonArray)scenario.Cluster("live")!["status"]!["conditions"]!).First(c => c!["type"]!.GetValue<string>() == "EngineReady")!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task SpecChange_ChangesConfigHash_AndRollsThePods()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        var hashBefore = ConfigHash(scenario);
        var podsBefore = scenario.ServerPods("chat");

        await scenario.PatchClusterAsync("chat", JsonNode.Parse("""{"spec":{"capacity":{"maxConnectionsPerPod":5000}}}""")!.AsObject());
        await OperatorScenario.WaitForAsync(() => ConfigHash(scenario) != hashBefore, "a new config hash on the pod template");
        await scenario.WaitForReadyAsync("chat");

        Assert.Contains("\"connection_limit\": 5000", scenario.Object("", "configmaps", "chat-config")!["data"]!["config.json"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(podsBefore, scenario.Api.Controllers.DeletedPods.Intersect(podsBefore));
        Assert.DoesNotContain(podsBefore[0], scenario.ServerPods("chat"));
    }

    [Fact]
    public async Task ChildDeleted_IsRecreated()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        var uid = scenario.Object("", "services", "chat-internal")!["metadata"]!["uid"]!.GetValue<string>();

        await scenario.Client.CoreV1.DeleteNamespacedServiceAsync("chat-internal", OperatorScenario.Namespace, cancellationToken: TestContext.Current.CancellationToken);

        await OperatorScenario.WaitForAsync(() => scenario.Object("", "services", "chat-internal")?["metadata"]?["uid"]?.GetValue<string>() is { } now && now != uid,
            "the internal Service to be recreated");
    }

    [Fact]
    public async Task Converged_MakesNoWrites_AcrossResyncs()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        var app = await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-redis-autoscaling"));
        await scenario.WaitForReadyAsync("live");
        var metrics = OperatorScenario.Metrics(app);

        // Let in-flight work settle: several clean reconciles in a row.
        var settled = metrics.ReconcileCount("success") + 5;
        await OperatorScenario.WaitForAsync(() => metrics.ReconcileCount("success") >= settled, "the operator to settle");
        var writes = scenario.Api.WriteCount;
        var target = metrics.ReconcileCount("success") + 10;
        await OperatorScenario.WaitForAsync(() => metrics.ReconcileCount("success") >= target, "ten more resync reconciles");

        Assert.Equal(writes, scenario.Api.WriteCount);
    }

    [Fact]
    public async Task Deleted_Cluster_GarbageCollectsChildren()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");

        await scenario.Client.CustomObjects.DeleteNamespacedCustomObjectAsync("k8srelay.io", "v1alpha1", OperatorScenario.Namespace, "realtimeclusters", "chat", cancellationToken: TestContext.Current.CancellationToken);

        await OperatorScenario.WaitForAsync(() => scenario.Object("apps", "deployments", "chat") is null && scenario.ServerPods("chat").Count == 0, "children to be collected");
        Assert.Null(scenario.Object("", "configmaps", "chat-config"));
    }

    private static string? ConfigHash(OperatorScenario scenario) =>
        scenario.Object("apps", "deployments", "chat")?["spec"]?["template"]?["metadata"]?["annotations"]?[Labels.ConfigHashAnnotation]?.GetValue<string>();
}
