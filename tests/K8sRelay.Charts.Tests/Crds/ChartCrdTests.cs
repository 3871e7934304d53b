using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>The operator chart ships exactly the generated CRDs of crds/ (hack/sync-chart-crds.sh copies them).</summary>
public sealed class ChartCrdTests
{
    private static string ChartCrds => Path.Combine(RepositoryPaths.Chart(ChartNames.Operator), "crds");

    [Fact]
    public void ChartCrds_AreTheSameFilesAsCrds()
    {
        var generated = CrdFiles.CrdPaths().Select(Path.GetFileName).ToList();
        var shipped = Directory.GetFiles(ChartCrds).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(generated);
        Assert.True(generated.SequenceEqual(shipped),
            $"charts/{ChartNames.Operator}/crds holds [{string.Join(", ", shipped)}] but crds/ holds [{string.Join(", ", generated)}]. Run hack/sync-chart-crds.sh.");
    }

    [Fact]
    public void ChartCrds_AreByteForByteEqualToCrds()
    {
        foreach (var crd in CrdFiles.CrdPaths())
        {
            var copy = Path.Combine(ChartCrds, Path.GetFileName(crd));
            Assert.True(File.Exists(copy), $"{Path.GetFileName(crd)} is missing from the chart. Run hack/sync-chart-crds.sh.");
            Assert.True(File.ReadAllBytes(crd).AsSpan().SequenceEqual(File.ReadAllBytes(copy)),
                $"charts/{ChartNames.Operator}/crds/{Path.GetFileName(crd)} differs from crds/. Run hack/sync-chart-crds.sh.");
        }
    }

    [Fact]
    public async Task Crd_IsAValidCustomResourceDefinition()
    {
        foreach (var crd in (await CrdFiles.AllAsync()).Where(d => d.Kind == "CustomResourceDefinition"))
        {
            Assert.True(crd.Status == "valid", $"{crd}: {string.Join("; ", crd.Errors)}");
        }
    }

    [Fact]
    public async Task Crd_HasTheScaleSubresourceThatHpaAndKedaTarget()
    {
        var crd = await CrdFiles.DefinitionOfAsync("k8srelay.io/v1alpha1", "RealtimeCluster");
        var version = crd["spec"]!["versions"]!.AsArray().Single(v => (string?)v!["name"] == "v1alpha1")!;

        Assert.NotNull(version["subresources"]?["status"]);
        var scale = version["subresources"]?["scale"];
        Assert.NotNull(scale);
        Assert.Equal(".spec.replicas", (string?)scale["specReplicasPath"]);
        Assert.Equal(".status.replicas", (string?)scale["statusReplicasPath"]);
        Assert.Equal(".status.selector", (string?)scale["labelSelectorPath"]);
    }
}
