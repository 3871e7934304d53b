using System.Text;
using System.Text.Json.Nodes;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary>What the standalone server chart renders for each ci values file.</summary>
public sealed class ServerChartTests
{
    private const string Fullname = Helm.Release + "-" + ChartNames.Server;

    private static async Task<RenderedChart> RenderAsync(string valuesFile) => await ChartRenders.GetAsync(ChartNames.Server, valuesFile);

    private static JsonObject Config(RenderedChart render) =>
        JsonNode.Parse((string)render.Get("ConfigMap", Fullname + "-config")["data"]!["config.json"]!)!.AsObject();

    [Fact]
    public async Task Defaults_RunOneMemoryEnginePodWithProbesAndGracefulShutdown()
    {
        var render = await RenderAsync("default-values.yaml");
        var deployment = render.Get("Deployment", Fullname);
        var pod = new PodTemplate(deployment);

        Assert.Equal(1, (int?)deployment["spec"]!["replicas"]);
        Assert.Equal("k8srelay/server:0.1.0", (string?)pod.Container["image"]);
        Assert.Equal("/health", (string?)pod.Container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/ready", (string?)pod.Container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("internal", (string?)pod.Container["readinessProbe"]!["httpGet"]!["port"]);
        Assert.Equal(5, (int?)pod.Container["lifecycle"]!["preStop"]!["sleep"]!["seconds"]);
        Assert.Equal(40, (int?)pod.Spec["terminationGracePeriodSeconds"]);
        Assert.Equal(new Dictionary<string, int> { ["http"] = 8000, ["internal"] = 9000 }, pod.Ports);
        Assert.Equal("memory", (string?)Config(render)["engine"]!["type"]);
        Assert.Equal("30s", (string?)Config(render)["shutdown"]!["timeout"]);
        Assert.Empty(render.OfKind("HorizontalPodAutoscaler"));
    }

    [Fact]
    public async Task Defaults_RunLockedDown()
    {
        var pod = new PodTemplate((await RenderAsync("default-values.yaml")).Get("Deployment", Fullname));

        Assert.Equal(true, (bool?)pod.Spec["securityContext"]!["runAsNonRoot"]);
        Assert.Equal(false, (bool?)pod.Spec["automountServiceAccountToken"]);
        Assert.Equal(true, (bool?)pod.Container["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.Equal(false, (bool?)pod.Container["securityContext"]!["allowPrivilegeEscalation"]);
        Assert.Equal(["ALL"], pod.Container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
        Assert.NotNull(pod.Container["resources"]!["requests"]);
    }

    [Fact]
    public async Task Defaults_GenerateEverySecretAndPassThemAsEnvironmentVariables()
    {
        var render = await RenderAsync("default-values.yaml");
        var secret = render.Get("Secret", Fullname);
        var pod = new PodTemplate(render.Get("Deployment", Fullname));

        foreach (var key in new[] { "token-hmac-secret", "api-key", "admin-password", "admin-secret" })
        {
            var value = Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]![key]!));
            Assert.Equal(64, value.Length);
        }

        Assert.Equal((Fullname, "token-hmac-secret"), pod.SecretOf("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY"));
        Assert.Equal((Fullname, "api-key"), pod.SecretOf("CENTRIFUGO_HTTP_API_KEY"));
        Assert.False(pod.Env.ContainsKey("CENTRIFUGO_ADMIN_PASSWORD"));
        Assert.DoesNotContain("api-key", render.Get("ConfigMap", Fullname + "-config").ToJsonString(), StringComparison.Ordinal);
        Assert.True(pod.Annotations.ContainsKey("checksum/config"));
        Assert.True(pod.Annotations.ContainsKey("checksum/secret"));
    }

    [Fact]
    public async Task Defaults_ExposeClientAndInternalPortsOnSeparateServices()
    {
        var render = await RenderAsync("default-values.yaml");

        var client = render.Get("Service", Fullname)["spec"]!["ports"]![0]!;
        var internalPort = render.Get("Service", Fullname + "-internal")["spec"]!["ports"]![0]!;
        Assert.Equal(8000, (int?)client["port"]);
        Assert.Equal("http", (string?)client["targetPort"]);
        Assert.Equal(9000, (int?)internalPort["port"]);
        Assert.Equal("internal", (string?)internalPort["targetPort"]);
        Assert.Equal("9000", (string?)Config(render)["http_server"]!["internal_port"]);
    }

    [Fact]
    public async Task RedisAutoscaling_ScalesOnConnectionsAndCpuAndLeavesReplicasToTheHpa()
    {
        var render = await RenderAsync("redis-autoscaling-values.yaml");
        var hpa = render.Get("HorizontalPodAutoscaler", Fullname)["spec"]!;
        var metrics = hpa["metrics"]!.AsArray();

        Assert.Null(render.Get("Deployment", Fullname)["spec"]!["replicas"]);
        Assert.Equal("Deployment", (string?)hpa["scaleTargetRef"]!["kind"]);
        Assert.Equal(3, (int?)hpa["minReplicas"]);
        Assert.Equal(30, (int?)hpa["maxReplicas"]);
        var pods = metrics.Single(m => (string?)m!["type"] == "Pods")!["pods"]!;
        Assert.Equal("centrifugo_node_num_clients", (string?)pods["metric"]!["name"]);
        Assert.Equal("AverageValue", (string?)pods["target"]!["type"]);
        Assert.Equal("5000", (string?)pods["target"]!["averageValue"]);
        Assert.Equal(75, (int?)metrics.Single(m => (string?)m!["type"] == "Resource")!["resource"]!["target"]!["averageUtilization"]);
        Assert.Equal(600, (int?)hpa["behavior"]!["scaleDown"]!["stabilizationWindowSeconds"]);
    }

    [Fact]
    public async Task RedisAutoscaling_ConfiguresRedisAndTakesItsPasswordFromASecret()
    {
        var render = await RenderAsync("redis-autoscaling-values.yaml");
        var redis = Config(render)["engine"]!;
        var pod = new PodTemplate(render.Get("Deployment", Fullname));

        Assert.Equal("redis", (string?)redis["type"]);
        Assert.Equal(["redis-master.data.svc:6379"], redis["redis"]!["address"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("chat", (string?)redis["redis"]!["prefix"]);
        Assert.Equal(("redis-credentials", "redis-password"), pod.SecretOf("CENTRIFUGO_ENGINE_REDIS_PASSWORD"));
        Assert.Equal((Fullname, "admin-password"), pod.SecretOf("CENTRIFUGO_ADMIN_PASSWORD"));
        Assert.Equal((Fullname, "api-key"), pod.SecretOf("CENTRIFUGO_GRPC_API_KEY"));
    }

    [Fact]
    public async Task RedisAutoscaling_ExposesGrpcPortsIngressAndServiceMonitor()
    {
        var render = await RenderAsync("redis-autoscaling-values.yaml");
        var pod = new PodTemplate(render.Get("Deployment", Fullname));
        var ingress = render.Get("Ingress", Fullname);
        var monitor = render.Get("ServiceMonitor", Fullname);

        Assert.Equal(10000, pod.Ports["grpc-api"]);
        Assert.Equal(11000, pod.Ports["grpc-uni"]);
        Assert.Equal(10000, (int?)render.Get("Service", Fullname + "-grpc-api")["spec"]!["ports"]![0]!["port"]);
        Assert.Equal("LoadBalancer", (string?)render.Get("Service", Fullname + "-uni-grpc")["spec"]!["type"]);
        Assert.Equal("3600", (string?)ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/proxy-read-timeout"]);
        Assert.Equal(Fullname, (string?)ingress["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"]);
        Assert.Equal("internal", (string?)monitor["spec"]!["selector"]!["matchLabels"]!["k8srelay.io/service"]);
        Assert.Equal("internal", (string?)monitor["spec"]!["endpoints"]![0]!["port"]);
    }

    [Fact]
    public async Task Sentinel_UsesTheExistingSecretsAndServesEverythingOnThePublicPort()
    {
        var render = await RenderAsync("sentinel-values.yaml");
        var pod = new PodTemplate(render.Get("Deployment", Fullname));
        var redis = Config(render)["engine"]!["redis"]!;

        Assert.Empty(render.OfKind("Secret"));
        Assert.Empty(render.OfKind("ServiceAccount"));
        Assert.False(render.Has("Service", Fullname + "-internal"));
        Assert.Equal(("realtime-secrets", "api-key"), pod.SecretOf("CENTRIFUGO_HTTP_API_KEY"));
        Assert.Equal(("redis-credentials", "username"), pod.SecretOf("CENTRIFUGO_ENGINE_REDIS_USER"));
        Assert.Equal(("redis-credentials", "sentinel-password"), pod.SecretOf("CENTRIFUGO_ENGINE_REDIS_SENTINEL_PASSWORD"));
        Assert.Equal("http", (string?)pod.Container["livenessProbe"]!["httpGet"]!["port"]);
        Assert.Equal(75, (int?)pod.Spec["terminationGracePeriodSeconds"]);
        Assert.Equal("realtime", (string?)redis["sentinel_master_name"]);
        Assert.Equal(3, redis["sentinel_address"]!.AsArray().Count);
        Assert.Equal(2, (int?)redis["db"]);
        Assert.Equal(true, (bool?)redis["tls"]!["enabled"]);
        Assert.Equal("50%", (string?)render.Get("PodDisruptionBudget", Fullname)["spec"]!["minAvailable"]);
        Assert.Equal(30800, (int?)render.Get("Service", Fullname)["spec"]!["ports"]![0]!["nodePort"]);
        Assert.Equal("client", (string?)render.Get("ServiceMonitor", Fullname)["spec"]!["selector"]!["matchLabels"]!["k8srelay.io/service"]);
    }

    [Fact]
    public async Task Cluster_UsesExplicitSecretsCustomBehaviorAndScheduling()
    {
        var render = await RenderAsync("cluster-values.yaml");
        var secret = render.Get("Secret", Fullname);
        var pod = new PodTemplate(render.Get("Deployment", Fullname));

        Assert.Equal(2, Config(render)["engine"]!["redis"]!["cluster_address"]!.AsArray().Count);
        Assert.Equal("an-api-key", Encoding.UTF8.GetString(Convert.FromBase64String((string)secret["data"]!["api-key"]!)));
        Assert.Equal(900, (int?)render.Get("HorizontalPodAutoscaler", Fullname)["spec"]!["behavior"]!["scaleDown"]!["stabilizationWindowSeconds"]);
        Assert.Equal(120, (int?)pod.Spec["terminationGracePeriodSeconds"]);
        Assert.Equal("k8srelay/server:0.2.0", (string?)pod.Container["image"]);
        Assert.Equal("topology.kubernetes.io/zone", (string?)pod.Spec["topologySpreadConstraints"]![0]!["topologyKey"]);
        Assert.Equal("debug", (string?)pod.Env["CENTRIFUGO_LOG_LEVEL"]["value"]);
    }
}
