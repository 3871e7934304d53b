using System.Text.Json.Nodes;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>The generated CRDs and the RealtimeCluster samples, read once per test run.</summary>
public static class CrdFiles
{
    private static readonly Lazy<Task<IReadOnlyList<ManifestDocument>>> Documents = new(() =>
        ManifestValidator.CheckAsync([.. CrdPaths(), .. SamplePaths()], CancellationToken.None));

    /// <summary>The files of crds/ (not the samples).</summary>
    public static IReadOnlyList<string> CrdPaths() =>
        [.. Directory.GetFiles(RepositoryPaths.Crds, "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>The files of crds/samples/.</summary>
    public static IReadOnlyList<string> SamplePaths() =>
        Directory.Exists(RepositoryPaths.Samples) ? [.. Directory.GetFiles(RepositoryPaths.Samples, "*.yaml").Order(StringComparer.Ordinal)] : [];

    /// <summary>Every document of the CRD and sample files.</summary>
    public static Task<IReadOnlyList<ManifestDocument>> AllAsync() => Documents.Value;

    /// <summary>The CRD that defines <paramref name="apiVersion"/> <paramref name="kind"/>.</summary>
    public static async Task<JsonObject> DefinitionOfAsync(string apiVersion, string kind)
    {
        var group = apiVersion.Split('/')[0];
        var crd = (await AllAsync()).FirstOrDefault(d => d.Kind == "CustomResourceDefinition"
            && (string?)d.Object["spec"]?["group"] == group && (string?)d.Object["spec"]?["names"]?["kind"] == kind);
        return crd?.Object ?? throw new Xunit.Sdk.XunitException($"No CRD in crds/ defines {apiVersion} {kind}.");
    }
}
