using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>A kind the fake API server serves.</summary>
public sealed record FakeKind(string Group, string Version, string Plural, string Kind, bool Namespaced = true)
{
    /// <summary>Schema of a custom resource, for defaulting, pruning and validation.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>True when writes to the main resource ignore status (status subresource).</summary>
    public bool HasStatusSubresource { get; init; }

    /// <summary>Scale subresource paths (spec replicas, status replicas, selector), when served.</summary>
    public (string Spec, string Status, string Selector)? Scale { get; init; }

    /// <summary>apiVersion of objects.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>Key used in the store.</summary>
    public string Key => Group + "/" + Plural;
}
