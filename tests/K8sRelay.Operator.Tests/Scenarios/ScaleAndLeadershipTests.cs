using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Tests.Fake;

namespace K8sRelay.Operator.Tests.Scenarios;

/// <summary>Scaling through the scale subresource with connection-aware drain, and leader election.</summary>
public sealed class ScaleAndLeadershipTests
{
    [Fact]
    public async Task ScaleDownThroughScaleSubresource_DrainsAndRemovesThePodsWithFewestConnections()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateSecretAsync("feed-redis", new() { ["password"] = "redis-pass" });
        await scenario.CreateSecretAsync("feed-api", new() { ["api-key"] = "my-api-key" });
        var cluster = Samples.Json("realtimecluster-external-redis");
        cluster["spec"]!["replicas"] = 4;
        await scenario.CreateClusterAsync(cluster);
        await scenario.WaitForReadyAsync("feed");
        var pods = scenario.ServerPods("feed");
        Assert.Equal(4, pods.Count);
        long[] connections = [50, 5, 20, 0];
        for (var i = 0; i < pods.Count; i++)
        {
            scenario.Api.Relay.SetClients(pods[i], connections[i]);
        }

        await OperatorScenario.WaitForAsync(() => scenario.Cluster("feed")?["status"]?["connections"]?["total"]?.ToLong() == 75, "connection counts in status");
        var scale = new V1Scale { Metadata = new V1ObjectMeta { Name = "feed", NamespaceProperty = OperatorScenario.Namespace }, Spec = new V1ScaleSpec { Replicas = 2 } };
        await scenario.Client.CustomObjects.ReplaceNamespacedCustomObjectScaleAsync(scale, "k8srelay.io", "v1alpha1", OperatorScenario.Namespace, "realtimeclusters", "feed",
            cancellationToken: TestContext.Current.CancellationToken);

        await OperatorScenario.WaitForAsync(() => scenario.ServerPods("feed").Count == 2, "the scale-down to two pods");
        await scenario.WaitForReadyAsync("feed");

        string[] fewest = [pods[3], pods[1]];
        // The drain call is idempotent on the server; a reconcile that runs before the pods are empty may repeat it.
        Assert.Equal(fewest, scenario.Api.Relay.Drained.Distinct());
        Assert.Equal(fewest.Order(), scenario.Api.Controllers.DeletedPods.Order());
        Assert.Equal([pods[0], pods[2]], scenario.ServerPods("feed").Order());
        Assert.Null(scenario.Cluster("feed")!["status"]!["drain"]);
        Assert.Equal(2, scenario.Object("apps", "deployments", "feed")!["spec"]!["replicas"]!.ToInt());
    }

    [Fact]
    public async Task ScaleSubresource_ReportsReplicasAndSelector_ForTheHpa()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");

        var scale = await scenario.Client.CustomObjects.GetNamespacedCustomObjectScaleAsync<V1Scale>("k8srelay.io", "v1alpha1", OperatorScenario.Namespace, "realtimeclusters", "chat",
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, scale.Spec.Replicas);
        Assert.Equal(1, scale.Status.Replicas);
        Assert.Equal("app.kubernetes.io/component=server,app.kubernetes.io/instance=chat,app.kubernetes.io/name=k8srelay", scale.Status.Selector);
    }

    [Fact]
    public async Task TwoOperators_OnlyTheLeaderReconciles_AndTheOtherTakesOver()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        var first = await scenario.StartOperatorAsync("operator-a", leaderElection: true);
        var second = await scenario.StartOperatorAsync("operator-b", leaderElection: true);
        await OperatorScenario.WaitForAsync(() => OperatorScenario.Host(first).IsLeader || OperatorScenario.Host(second).IsLeader, "a leader");
        var (leader, standby) = OperatorScenario.Host(first).IsLeader ? (first, second) : (second, first);

        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        Assert.False(OperatorScenario.Host(standby).IsLeader);
        Assert.Equal(0, OperatorScenario.Metrics(standby).ReconcileCount("success"));
        var lease = scenario.Api.Store.Get(FakeKinds.Find("coordination.k8s.io", "leases")!, "operators", "k8srelay-operator-leader")!;
        Assert.Equal(OperatorScenario.Host(leader).Identity, lease["spec"]!["holderIdentity"]!.GetValue<string>());

        await scenario.StopOperatorAsync(leader);
        await OperatorScenario.WaitForAsync(() => OperatorScenario.Host(standby).IsLeader, "the standby to take over");
        await scenario.PatchClusterAsync("chat", JsonNode.Parse("""{"spec":{"capacity":{"maxConnectionsPerPod":42}}}""")!.AsObject());
        await OperatorScenario.WaitForAsync(
            () => scenario.Object("", "configmaps", "chat-config")!["data"]!["config.json"]!.GetValue<string>().Contains("\"connection_limit\": 42", StringComparison.Ordinal),
            "the new leader to reconcile");
    }
}
