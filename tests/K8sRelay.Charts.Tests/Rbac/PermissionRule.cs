namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>One rule of charts/k8srelay-operator/operator-permissions.json.</summary>
/// <param name="Role">"operator" (ClusterRole, or Role in the watched namespace) or "leader-election" (Role in the release namespace).</param>
/// <param name="ApiGroup">API group; empty for the core group.</param>
/// <param name="Resource">Resource, with "/subresource" where it applies to one.</param>
/// <param name="Verbs">Granted verbs.</param>
/// <param name="Calls">The operator's client calls that need these verbs.</param>
public sealed record PermissionRule(string Role, string ApiGroup, string Resource, IReadOnlyList<string> Verbs, IReadOnlyList<string> Calls);
