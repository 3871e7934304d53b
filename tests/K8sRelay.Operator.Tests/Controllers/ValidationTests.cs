using System.Text.Json.Nodes;
using K8sRelay.Operator.Controllers;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerConfig;

namespace K8sRelay.Operator.Tests.Controllers;

public sealed class ValidationTests
{
    [Fact]
    public void Validator_MirrorsTheCelRules()
    {
        var spec = new RealtimeClusterSpec { Replicas = 2 };
        spec.Autoscaling.Enabled = true;
        spec.PodDisruptionBudget.MinAvailable = 1;
        spec.PodDisruptionBudget.MaxUnavailable = 1;
        spec.Auth.ApiKey = new SecretSourceSpec { Generate = new(), SecretKeyRef = new() { Name = "s", Key = "k" } };

        var errors = RealtimeClusterValidator.Validate(spec);

        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Validator_RequiresExactlyOneExternalRedisBlock()
    {
        var spec = new RealtimeClusterSpec { Engine = new EngineSpec { Type = EngineType.Redis, Redis = new RedisSpec { Mode = RedisMode.External, External = new ExternalRedisSpec() } } };

        Assert.Contains(RealtimeClusterValidator.Validate(spec), e => e.Contains("exactly one", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"engine":{"type":"redis"}}""", "owned by the operator")]
    [InlineData("""{"http_api":{"key":"x"}}""", "owned by the operator")]
    [InlineData("""{"client":{"channel_limit":-5}}""", "client.channel_limit")]
    public void Renderer_RejectsRawConfigTheServerWouldRefuse(string raw, string expected)
    {
        var cluster = Samples.Cluster("realtimecluster-minimal");
        cluster.Spec.Config.Raw = JsonNode.Parse(raw)!.AsObject();

        var rendered = ServerConfigRenderer.Render(cluster);

        Assert.Contains(rendered.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Renderer_ReportsABadHistoryTtl()
    {
        var cluster = Samples.Cluster("realtimecluster-minimal");
        cluster.Spec.Config.Namespaces = [new ChannelNamespaceSpec { Name = "chat", HistorySize = 10, HistoryTtl = "five minutes" }];

        Assert.Contains(ServerConfigRenderer.Render(cluster).Errors, e => e.Contains("historyTtl", StringComparison.Ordinal));
    }
}
