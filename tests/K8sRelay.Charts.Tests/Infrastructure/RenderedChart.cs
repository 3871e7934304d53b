using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>The manifests one <c>helm template</c> run produced.</summary>
/// <param name="Chart">The chart.</param>
/// <param name="ValuesFile">The ci values file it was rendered with.</param>
/// <param name="Documents">The documents, in the order helm printed them.</param>
public sealed record RenderedChart(string Chart, string ValuesFile, IReadOnlyList<ManifestDocument> Documents)
{
    /// <summary>Documents of a kind.</summary>
    public IEnumerable<ManifestDocument> OfKind(string kind) => Documents.Where(d => d.Kind == kind);

    /// <summary>The single document of a kind with a name, failing when it is missing.</summary>
    public JsonObject Get(string kind, string name) =>
        Documents.SingleOrDefault(d => d.Kind == kind && d.Name == name)?.Object
        ?? throw new Xunit.Sdk.XunitException($"{Chart} with {ValuesFile} rendered no {kind} named {name}; it rendered: {string.Join(", ", Documents)}");

    /// <summary>The single document of a kind, failing unless exactly one exists.</summary>
    public JsonObject Single(string kind)
    {
        var matches = OfKind(kind).ToList();
        Assert.True(matches.Count == 1, $"{Chart} with {ValuesFile} rendered {matches.Count} {kind} objects, expected one");
        return matches[0].Object;
    }

    /// <summary>True when a document of the kind and name exists.</summary>
    public bool Has(string kind, string name) => Documents.Any(d => d.Kind == kind && d.Name == name);
}
