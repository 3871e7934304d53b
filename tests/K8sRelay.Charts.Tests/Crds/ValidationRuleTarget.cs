using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>An x-kubernetes-validations rule and the value it applies to.</summary>
/// <param name="Rule">The CEL expression.</param>
/// <param name="Message">The message the API server reports when the rule is false.</param>
/// <param name="Self">The value the rule sees as <c>self</c>.</param>
/// <param name="Path">Where the value sits, for messages.</param>
public sealed record ValidationRuleTarget(string Rule, string Message, JsonNode Self, string Path);
