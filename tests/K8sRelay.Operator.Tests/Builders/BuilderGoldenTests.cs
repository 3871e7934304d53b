using System.Text;
using k8s;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.ServerConfig;
using K8sRelay.Operator.Tests.Golden;

namespace K8sRelay.Operator.Tests.Builders;

/// <summary>Every builder, for every sample: spec in, YAML out, compared with Golden/&lt;sample&gt;/&lt;builder&gt;.yaml.</summary>
public sealed class BuilderGoldenTests
{
    public static TheoryData<string> SampleNames => [.. Samples.Names];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void ConfigMap_MatchesGolden(string sample)
    {
        var cluster = Samples.Cluster(sample);
        var rendered = ServerConfigRenderer.Render(cluster);

        Assert.Empty(rendered.Errors);
        GoldenFile.Verify($"{sample}/configmap.yaml", KubernetesYaml.Serialize(ConfigMapBuilder.Build(cluster, rendered.Json)));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Deployment_MatchesGolden(string sample)
    {
        var cluster = Samples.Cluster(sample);
        var context = new ServerBuildContext(cluster, "sha256-0123456789abcdef", cluster.Spec.Replicas, "k8srelay/server", "1.0.0");

        GoldenFile.Verify($"{sample}/deployment.yaml", KubernetesYaml.Serialize(ServerDeploymentBuilder.Build(context)));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Services_MatchGolden(string sample)
    {
        var cluster = Samples.Cluster(sample);

        GoldenFile.Verify($"{sample}/services.yaml", KubernetesYaml.SerializeAll([ServerServiceBuilder.Client(cluster), ServerServiceBuilder.Internal(cluster)]));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void AuthSecret_MatchesGolden(string sample)
    {
        var cluster = Samples.Cluster(sample);
        var secret = AuthSecretBuilder.Build(cluster, existing: null, rotate: false, random: length => new string('x', length));

        GoldenFile.Verify($"{sample}/secret.yaml", secret is null ? "# no generated values\n" : KubernetesYaml.Serialize(secret));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void DisruptionBudgetAndAutoscaler_MatchGolden(string sample)
    {
        var cluster = Samples.Cluster(sample);
        var objects = new List<object?> { DisruptionBudgetBuilder.Build(cluster), AutoscalerBuilder.Build(cluster) }.OfType<object>().ToList();

        GoldenFile.Verify($"{sample}/pdb-hpa.yaml", objects.Count == 0 ? "# none\n" : KubernetesYaml.SerializeAll(objects));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Redis_MatchesGolden(string sample)
    {
        var objects = RedisBuilder.Build(Samples.Cluster(sample));

        GoldenFile.Verify($"{sample}/redis.yaml", objects.Count == 0 ? "# no managed Redis\n" : KubernetesYaml.SerializeAll(objects));
    }

    [Fact]
    public void AuthSecret_KeepsExistingValues_AndRotatesOnlyWhenAsked()
    {
        var cluster = Samples.Cluster("realtimecluster-minimal");
        var existing = new Dictionary<string, byte[]> { [AuthLayout.ApiKeyKey] = Encoding.UTF8.GetBytes("kept") };

        var kept = AuthSecretBuilder.Build(cluster, existing, rotate: false, random: n => new string('n', n))!;
        var rotated = AuthSecretBuilder.Build(cluster, existing, rotate: true, random: n => new string('r', n))!;

        Assert.Equal("kept", Encoding.UTF8.GetString(kept.Data[AuthLayout.ApiKeyKey]));
        Assert.Equal(new string('n', 64), Encoding.UTF8.GetString(kept.Data[AuthLayout.TokenHmacKey]));
        Assert.Equal(new string('r', 64), Encoding.UTF8.GetString(rotated.Data[AuthLayout.ApiKeyKey]));
    }

    [Fact]
    public void Deployment_GracePeriod_IsPreStopPlusShutdownPlusMargin()
    {
        var cluster = Samples.Cluster("realtimecluster-minimal");
        cluster.Spec.Rollout.PreStopDelaySeconds = 7;
        cluster.Spec.Rollout.ShutdownTimeoutSeconds = 40;
        var deployment = ServerDeploymentBuilder.Build(new ServerBuildContext(cluster, "h", 1, "r", "v"));

        Assert.Equal(52, deployment.Spec.Template.Spec.TerminationGracePeriodSeconds);
    }
}
