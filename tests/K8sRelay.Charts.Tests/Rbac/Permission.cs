namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>One verb on one resource, granted to one role.</summary>
/// <param name="Role">"operator" or "leader-election".</param>
/// <param name="ApiGroup">API group; empty for the core group.</param>
/// <param name="Resource">Resource, with "/subresource" where it applies to one.</param>
/// <param name="Verb">The verb.</param>
public sealed record Permission(string Role, string ApiGroup, string Resource, string Verb)
{
    /// <inheritdoc />
    public override string ToString() => $"{Role}: {Verb} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}";
}
