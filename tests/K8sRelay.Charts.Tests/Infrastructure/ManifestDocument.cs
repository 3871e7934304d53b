using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>One YAML document and what the schema check found.</summary>
/// <param name="File">The file it came from.</param>
/// <param name="Object">The document as JSON.</param>
/// <param name="Status">valid, invalid or unchecked (a kind without a known schema).</param>
/// <param name="Errors">Schema violations.</param>
public sealed record ManifestDocument(string File, JsonObject Object, string Status, IReadOnlyList<string> Errors)
{
    /// <summary>apiVersion.</summary>
    public string ApiVersion => (string?)Object["apiVersion"] ?? "";

    /// <summary>kind.</summary>
    public string Kind => (string?)Object["kind"] ?? "";

    /// <summary>metadata.name.</summary>
    public string Name => (string?)Object["metadata"]?["name"] ?? "";

    /// <summary>"Kind/name", for messages.</summary>
    public override string ToString() => $"{Kind}/{Name}";
}
