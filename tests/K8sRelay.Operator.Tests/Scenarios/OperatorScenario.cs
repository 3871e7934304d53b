using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Diagnostics;
using K8sRelay.Operator.Hosting;
using K8sRelay.Operator.Runtime;
using K8sRelay.Operator.ServerApi;
using K8sRelay.Operator.Tests.Fake;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Operator.Tests.Scenarios;

/// <summary>
/// A fake API server plus whole operator hosts (the real Program wiring, KubernetesClient over HTTP) with short
/// timings, and helpers to drive and observe them.
/// </summary>
public sealed class OperatorScenario : IAsyncDisposable
{
    /// <summary>Namespace of the scenario objects.</summary>
    public const string Namespace = "demo";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(45);
    private readonly List<WebApplication> _operators = [];

    private OperatorScenario(FakeApiServer api)
    {
        Api = api;
        Client = new Kubernetes(api.ClientConfiguration(), new CoreGroupPathHandler());
    }

    /// <summary>The fake API server.</summary>
    public FakeApiServer Api { get; }

    /// <summary>A client for the test's own requests.</summary>
    public IKubernetes Client { get; }

    /// <summary>Starts the fake API server.</summary>
    public static async Task<OperatorScenario> StartAsync() => new(await FakeApiServer.StartAsync());

    /// <summary>Starts an operator host; with leader election it campaigns for the lease like a replica would.</summary>
    public async Task<WebApplication> StartOperatorAsync(string identity = "operator-0", bool leaderElection = false)
    {
        var app = OperatorApplication.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Operator:HealthUrl"] = "http://127.0.0.1:0",
                ["Operator:ResyncPeriod"] = "00:00:00.300",
                ["Operator:WatchTimeout"] = "00:00:03",
                ["Operator:RetryMinDelay"] = "00:00:00.050",
                ["Operator:RetryMaxDelay"] = "00:00:01",
                ["Operator:ServerApiTimeout"] = "00:00:03",
                ["Operator:ShutdownTimeout"] = "00:00:05",
                ["Operator:LeaderElection:Enabled"] = leaderElection ? "true" : "false",
                ["Operator:LeaderElection:Identity"] = identity,
                ["Operator:LeaderElection:LeaseNamespace"] = "operators",
                ["Operator:LeaderElection:LeaseDuration"] = "00:00:03",
                ["Operator:LeaderElection:RenewDeadline"] = "00:00:02",
                ["Operator:LeaderElection:RetryPeriod"] = "00:00:00.250",
            });
            builder.Logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("OPERATOR_TEST_LOGS") == "1")
            {
                builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Debug);
            }

            builder.Services.AddSingleton(Api.ClientConfiguration());
            builder.Services.AddSingleton<IServerEndpointResolver>(new FakeEndpointResolver(Api.BaseAddress));
        });
        await app.StartAsync();
        _operators.Add(app);
        return app;
    }

    /// <summary>Stops and removes an operator host.</summary>
    public async Task StopOperatorAsync(WebApplication app)
    {
        _operators.Remove(app);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Creates a RealtimeCluster from JSON through the API.</summary>
    public async Task CreateClusterAsync(JsonObject cluster)
    {
        cluster["metadata"]!["namespace"] = Namespace;
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(cluster, "k8srelay.io", "v1alpha1", Namespace, "realtimeclusters");
    }

    /// <summary>Sends a JSON merge patch to a RealtimeCluster.</summary>
    public Task PatchClusterAsync(string name, JsonObject patch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), "k8srelay.io", "v1alpha1", Namespace, "realtimeclusters", name);

    /// <summary>Sends a merge patch, retrying while injected faults answer it.</summary>
    public async Task PatchClusterWithRetryAsync(string name, JsonObject patch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await PatchClusterAsync(name, patch);
                return;
            }
            catch (k8s.Autorest.HttpOperationException) when (attempt < 50)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Creates a Secret.</summary>
    public Task CreateSecretAsync(string name, Dictionary<string, string> data) =>
        Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name },
            StringData = null,
            Data = data.ToDictionary(p => p.Key, p => System.Text.Encoding.UTF8.GetBytes(p.Value)),
        }, Namespace);

    /// <summary>The stored RealtimeCluster.</summary>
    public JsonObject? Cluster(string name) => Api.Store.Get(FakeKinds.RealtimeCluster, Namespace, name);

    /// <summary>A stored object of a kind by group and plural.</summary>
    public JsonObject? Object(string group, string plural, string name) => Api.Store.Get(FakeKinds.Find(group, plural)!, Namespace, name);

    /// <summary>Names of the stored server pods of a cluster.</summary>
    public List<string> ServerPods(string cluster) =>
    [
        .. Api.Store.List(FakeKinds.Pod, Namespace, $"k8srelay.io/cluster={cluster},app.kubernetes.io/component=server").Items
            .Select(p => p["metadata"]!["name"]!.GetValue<string>()),
    ];

    /// <summary>The status of a condition of a stored RealtimeCluster, or null.</summary>
    public string? Condition(string name, string type) =>
        (Cluster(name)?["status"]?["conditions"] as JsonArray)?.FirstOrDefault(c => c?["type"]?.GetValue<string>() == type)?["status"]?.GetValue<string>();

    /// <summary>The operator metrics of a host.</summary>
    public static OperatorMetrics Metrics(WebApplication app) => app.Services.GetRequiredService<OperatorMetrics>();

    /// <summary>The leader-electing host service of an operator.</summary>
    public static OperatorHost Host(WebApplication app) => app.Services.GetRequiredService<OperatorHost>();

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails with <paramref name="what"/> after a generous limit.</summary>
    public static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until a cluster reports Ready=True for its current generation.</summary>
    public Task WaitForReadyAsync(string name) => WaitForAsync(() =>
    {
        var cluster = Cluster(name);
        return Condition(name, "Ready") == "True"
            && cluster?["status"]?["observedGeneration"]?.ToLong() == cluster?["metadata"]?["generation"]?.ToLong();
    }, $"{name} to become Ready");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var app in _operators.ToList())
        {
            await StopOperatorAsync(app);
        }

        Client.Dispose();
        await Api.DisposeAsync();
    }
}
