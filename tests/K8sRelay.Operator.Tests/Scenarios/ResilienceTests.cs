using System.Net;
using System.Text.Json.Nodes;
using K8sRelay.Operator.Tests.Fake;

namespace K8sRelay.Operator.Tests.Scenarios;

/// <summary>Invalid specs, API errors, dropped and expired watches, pause, and external Redis.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task InvalidSpec_SetsConfigValidFalse_AndCreatesNoChild()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        var cluster = Samples.Json("realtimecluster-minimal");
        cluster["spec"]!["replicas"] = 3;

        await scenario.CreateClusterAsync(cluster);
        await OperatorScenario.WaitForAsync(() => scenario.Condition("chat", "ConfigValid") == "False", "ConfigValid=False");

        var message = ((JsonArray)scenario.Cluster("chat")!["status"]!["conditions"]!).First(c => c!["type"]!.GetValue<string>() == "ConfigValid")!["message"]!.GetValue<string>();
        Assert.Contains("Memory engine supports one replica", message, StringComparison.Ordinal);
        Assert.Null(scenario.Object("apps", "deployments", "chat"));
        Assert.Null(scenario.Object("", "configmaps", "chat-config"));
    }

    [Fact]
    public async Task InvalidChange_OfARunningCluster_LeavesChildrenAlone()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        var configBefore = scenario.Object("", "configmaps", "chat-config")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        await scenario.PatchClusterAsync("chat", JsonNode.Parse("""{"spec":{"config":{"raw":{"client":{"token":{"hmac_secret_key":"x"}}}}}}""")!.AsObject());
        await OperatorScenario.WaitForAsync(() => scenario.Condition("chat", "ConfigValid") == "False", "ConfigValid=False");

        Assert.Equal(configBefore, scenario.Object("", "configmaps", "chat-config")!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApiErrorsAndDroppedWatches_AreRetried_WithoutAHotLoop()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        var app = await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        var metrics = OperatorScenario.Metrics(app);

        scenario.Api.FailNext(8, HttpStatusCode.InternalServerError);
        scenario.Api.Store.DropWatches();
        await scenario.PatchClusterWithRetryAsync("chat", JsonNode.Parse("""{"spec":{"capacity":{"connectionRateLimitPerPod":100}}}""")!.AsObject());
        scenario.Api.Store.ExpireWatches();
        await OperatorScenario.WaitForAsync(
            () => scenario.Object("", "configmaps", "chat-config")!["data"]!["config.json"]!.GetValue<string>().Contains("\"connection_rate_limit\": 100", StringComparison.Ordinal),
            "the change to reach the ConfigMap after errors and watch restarts");
        await scenario.WaitForReadyAsync("chat");

        // Eight injected failures cannot turn into more than a handful of failed reconciles: retries back off.
        Assert.InRange(metrics.ReconcileCount("error"), 0, 8);
    }

    [Fact]
    public async Task PauseAnnotation_StopsChanges_UntilRemoved()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-minimal"));
        await scenario.WaitForReadyAsync("chat");
        var configBefore = scenario.Object("", "configmaps", "chat-config")!["data"]!["config.json"]!.GetValue<string>();

        await scenario.PatchClusterAsync("chat", JsonNode.Parse("""{"metadata":{"annotations":{"k8srelay.io/pause-reconciliation":"true"}},"spec":{"capacity":{"maxConnectionsPerPod":7}}}""")!.AsObject());
        await OperatorScenario.WaitForAsync(() => scenario.Condition("chat", "Paused") == "True", "Paused=True");
        Assert.Equal(configBefore, scenario.Object("", "configmaps", "chat-config")!["data"]!["config.json"]!.GetValue<string>());

        await scenario.PatchClusterAsync("chat", JsonNode.Parse("""{"metadata":{"annotations":{"k8srelay.io/pause-reconciliation":null}}}""")!.AsObject());
        await OperatorScenario.WaitForAsync(
            () => scenario.Object("", "configmaps", "chat-config")!["data"]!["config.json"]!.GetValue<string>().Contains("\"connection_limit\": 7", StringComparison.Ordinal),
            "the held-back change after unpausing");
        await OperatorScenario.WaitForAsync(() => scenario.Condition("chat", "Paused") == "False", "Paused=False");
    }

    [Fact]
    public async Task ExternalRedis_RendersAddressesAndCredentials_WithoutManagedRedis()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateSecretAsync("feed-redis", new() { ["password"] = "redis-pass" });
        await scenario.CreateSecretAsync("feed-api", new() { ["api-key"] = "my-api-key" });

        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-external-redis"));
        await scenario.WaitForReadyAsync("feed");

        var config = scenario.Object("", "configmaps", "feed-config")!["data"]!["config.json"]!.GetValue<string>();
        Assert.Contains("redis-master.data.svc:6379", config, StringComparison.Ordinal);
        Assert.Contains("\"ping_interval\": \"20s\"", config, StringComparison.Ordinal);
        Assert.Null(scenario.Object("apps", "statefulsets", "feed-redis"));
        var env = scenario.Object("apps", "deployments", "feed")!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Contains(env, e => e!["name"]!.GetValue<string>() == "CENTRIFUGO_ENGINE_REDIS_PASSWORD" && e["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>() == "feed-redis");
        Assert.Equal("feed-api", scenario.Cluster("feed")!["status"]!["secrets"]!["apiKey"]!["name"]!.GetValue<string>());
        Assert.Equal("ExternalRedis", ((JsonArray)scenario.Cluster("feed")!["status"]!["conditions"]!).First(c => c!["type"]!.GetValue<string>() == "EngineReady")!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingReferencedSecret_IsReported_AndPickedUpOnceCreated()
    {
        await using var scenario = await OperatorScenario.StartAsync();
        await scenario.StartOperatorAsync();
        await scenario.CreateSecretAsync("feed-redis", new() { ["password"] = "redis-pass" });

        await scenario.CreateClusterAsync(Samples.Json("realtimecluster-external-redis"));
        await OperatorScenario.WaitForAsync(() => scenario.Condition("feed", "Reconciled") == "False", "Reconciled=False for the missing Secret");
        Assert.Null(scenario.Object("apps", "deployments", "feed"));

        await scenario.CreateSecretAsync("feed-api", new() { ["api-key"] = "my-api-key" });
        await scenario.WaitForReadyAsync("feed");
    }
}
