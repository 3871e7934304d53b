using K8sRelay.Charts.Tests.Infrastructure;
using K8sRelay.Configuration;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary>
/// The rendered config.json and the container's CENTRIFUGO_* variables load in the server's own configuration
/// loader with no error and no warning: every key and variable name the chart writes is one the server knows.
/// </summary>
public sealed class ServerConfigContractTests
{
    private const string Fullname = Helm.Release + "-" + ChartNames.Server;

    public static TheoryData<string> ServerValues()
    {
        var data = new TheoryData<string>();
        foreach (var file in ChartNames.CiValues(ChartNames.Server))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServerValues))]
    public async Task RenderedConfigAndEnvironment_LoadWithoutWarnings(string valuesFile)
    {
        var render = await ChartRenders.GetAsync(ChartNames.Server, valuesFile);
        var pod = new PodTemplate(render.Get("Deployment", Fullname));
        var folder = Directory.CreateTempSubdirectory("k8srelay-config-");
        var file = Path.Combine(folder.FullName, "config.json");
        await File.WriteAllTextAsync(file, (string)render.Get("ConfigMap", Fullname + "-config")["data"]!["config.json"]!, TestContext.Current.CancellationToken);

        // Values from Secrets and the downward API are stand-ins; only the names matter here.
        var environment = pod.Env.ToDictionary(e => e.Key, e => (string?)((string?)e.Value["value"] ?? "stand-in-" + e.Key.ToLowerInvariant()));
        var loaded = RelayConfigLoader.Load(file, environment, []);
        folder.Delete(recursive: true);

        Assert.Empty(loaded.Warnings);
        Assert.Equal(8000, loaded.Config.HttpServer.Port);
        Assert.Equal(render.Has("Service", Fullname + "-internal") ? "9000" : "", loaded.Config.HttpServer.InternalPort);
        Assert.True(loaded.Config.Health.Enabled);
        Assert.True(loaded.Config.Prometheus.Enabled);
        Assert.StartsWith("stand-in-", loaded.Config.HttpApi.Key, StringComparison.Ordinal);
        Assert.StartsWith("stand-in-", loaded.Config.Client.Token.HmacSecretKey, StringComparison.Ordinal);
        Assert.Equal(pod.Ports.ContainsKey("grpc-api"), loaded.Config.GrpcApi.Enabled);
        Assert.Equal(pod.Ports.ContainsKey("grpc-uni"), loaded.Config.UniGrpc.Enabled);
    }
}
