using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>Reads manifests and checks them against Kubernetes schemas with tests/charts-validate/manifests.mjs.</summary>
public static class ManifestValidator
{
    /// <summary>Every document of every file, with its check result.</summary>
    public static async Task<IReadOnlyList<ManifestDocument>> CheckAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Validator, "node_modules", "kubernetes-models")))
        {
            Assert.Fail("tests/charts-validate has no node_modules. Run hack/test.sh once (or npm install in tests/charts-validate).");
        }

        var result = await ProcessRunner.RunAsync("node", ["manifests.mjs", .. files], RepositoryPaths.Validator, cancellationToken);
        Assert.True(result.Succeeded, "The manifest validator failed: " + result.Describe());
        var entries = JsonNode.Parse(result.Output)!.AsArray();
        return
        [
            .. entries.Select(e => new ManifestDocument(
                (string)e!["file"]!,
                e["object"] as JsonObject ?? [],
                (string)e["status"]!,
                [.. e["errors"]!.AsArray().Select(m => (string)m!)])),
        ];
    }
}
