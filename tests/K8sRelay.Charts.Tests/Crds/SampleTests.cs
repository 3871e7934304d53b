using System.Text.Json.Nodes;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>
/// Every sample in crds/samples/ would be admitted by an API server with the generated CRD: served version,
/// defaults, structural schema (unknown fields refused) and every CEL rule. Other kinds in a sample file (such as
/// the Secrets a sample references) must match their Kubernetes schema.
/// </summary>
public sealed class SampleTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in CrdFiles.SamplePaths())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_IsAdmittedByTheGeneratedCrd(string sample)
    {
        var documents = (await CrdFiles.AllAsync()).Where(d => Path.GetFileName(d.File) == sample && Path.GetDirectoryName(d.File) == RepositoryPaths.Samples).ToList();
        Assert.NotEmpty(documents);

        var problems = new List<string>();
        foreach (var document in documents)
        {
            if (document.Kind == "RealtimeCluster")
            {
                var crd = await CrdFiles.DefinitionOfAsync(document.ApiVersion, document.Kind);
                problems.AddRange(CustomResourceValidator.Validate(crd, document.Object).Select(p => $"{document}: {p}"));
            }
            else if (document.Status != "valid")
            {
                problems.Add($"{document}: {(document.Status == "unchecked" ? "unknown kind" : string.Join("; ", document.Errors))}");
            }
        }

        Assert.True(problems.Count == 0, $"crds/samples/{sample} would be refused:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Samples_CoverMinimalManagedRedisWithAutoscalingAndExternalRedis()
    {
        var clusters = (await CrdFiles.AllAsync()).Where(d => d.Kind == "RealtimeCluster").Select(d => d.Object["spec"] as JsonObject ?? []).ToList();

        Assert.Contains(clusters, spec => spec["engine"] is null);
        Assert.Contains(clusters, spec => (string?)spec["engine"]?["redis"]?["mode"] == "Managed" && (bool?)spec["autoscaling"]?["enabled"] == true);
        Assert.Contains(clusters, spec => (string?)spec["engine"]?["redis"]?["mode"] == "External");
    }
}
