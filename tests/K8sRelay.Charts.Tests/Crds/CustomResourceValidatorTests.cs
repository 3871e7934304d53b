using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>The admission check itself: it refuses what the API server refuses, with the CRD's own messages.</summary>
public sealed class CustomResourceValidatorTests
{
    private static async Task<IReadOnlyList<string>> ValidateAsync(string specJson)
    {
        var crd = await CrdFiles.DefinitionOfAsync("k8srelay.io/v1alpha1", "RealtimeCluster");
        var resource = new JsonObject
        {
            ["apiVersion"] = "k8srelay.io/v1alpha1",
            ["kind"] = "RealtimeCluster",
            ["metadata"] = new JsonObject { ["name"] = "test" },
            ["spec"] = JsonNode.Parse(specJson),
        };
        return CustomResourceValidator.Validate(crd, resource);
    }

    [Fact]
    public async Task MisspelledField_IsRefused()
    {
        var errors = await ValidateAsync("""{"autoscaling":{"enabled":false},"replicsa":1}""");

        Assert.Contains(".spec.replicsa: unknown field", errors);
    }

    [Fact]
    public async Task EnumViolation_IsRefused()
    {
        var errors = await ValidateAsync("""{"autoscaling":{"enabled":false},"engine":{"type":"Postgres"}}""");

        Assert.Contains(errors, e => e.StartsWith(".spec.engine.type: Unsupported value: \"Postgres\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemoryEngineWithThreeReplicas_BreaksItsCelRule()
    {
        var errors = await ValidateAsync("""{"autoscaling":{"enabled":false},"replicas":3}""");

        Assert.Contains("spec: Invalid value: the Memory engine supports one replica only; use engine.type Redis to run more", errors);
    }

    [Fact]
    public async Task ExternalRedisWithTwoTopologies_BreaksItsCelRule()
    {
        var errors = await ValidateAsync("""
            {"autoscaling":{"enabled":false},"replicas":2,
             "engine":{"type":"Redis","redis":{"mode":"External","external":{"addresses":["r:6379"],"cluster":{"addresses":["c:6379"]}}}}}
            """);

        Assert.Contains("spec.engine.redis.external: Invalid value: set exactly one of addresses, sentinel or cluster", errors);
    }

    [Fact]
    public async Task ValidCluster_IsAdmitted()
    {
        var errors = await ValidateAsync("""
            {"replicas":2,"engine":{"type":"Redis","redis":{"mode":"Managed"}},
             "autoscaling":{"enabled":true,"minReplicas":2,"maxReplicas":5}}
            """);

        Assert.Empty(errors);
    }
}
