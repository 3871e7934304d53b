using System.Text.Json.Nodes;
using K8sRelay.Charts.Tests.Crds;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>
/// Least privilege, checked from both ends. The chart's roles grant exactly the permissions of
/// operator-permissions.json; that list is justified call by call by the operator's source, and every API call,
/// verb and kind in the source is covered by it. A new client call, verb or kind in the operator therefore fails
/// here until the list and the chart's rules are updated together.
/// </summary>
public sealed class OperatorRbacTests
{
    private const string Fullname = Helm.Release + "-" + ChartNames.Operator;

    [Fact]
    public async Task ClusterWideChart_GrantsExactlyTheListedPermissions()
    {
        var render = await ChartRenders.GetAsync(ChartNames.Operator, "default-values.yaml");

        var granted = Grants(render.Get("ClusterRole", Fullname), "operator")
            .Concat(Grants(render.Get("Role", Fullname + "-leader-election"), "leader-election")).ToHashSet();

        AssertSameSets(OperatorPermissions.Flattened(), granted);
    }

    [Fact]
    public async Task NamespacedChart_GrantsTheSamePermissionsInTheWatchedNamespaceOnly()
    {
        var render = await ChartRenders.GetAsync(ChartNames.Operator, "namespaced-values.yaml");
        var role = render.Get("Role", Fullname);

        Assert.Empty(render.OfKind("ClusterRole"));
        Assert.Empty(render.OfKind("ClusterRoleBinding"));
        Assert.Equal("realtime", (string?)role["metadata"]!["namespace"]);
        Assert.Equal("realtime", (string?)render.Get("RoleBinding", Fullname)["metadata"]!["namespace"]);
        var granted = Grants(role, "operator").Concat(Grants(render.Get("Role", Fullname + "-leader-election"), "leader-election")).ToHashSet();
        AssertSameSets(OperatorPermissions.Flattened(), granted);
    }

    [Fact]
    public async Task LeaderElection_IsLimitedToItsLeaseInTheReleaseNamespace()
    {
        var render = await ChartRenders.GetAsync(ChartNames.Operator, "default-values.yaml");
        var role = render.Get("Role", Fullname + "-leader-election");

        Assert.Equal(Helm.Namespace, (string?)role["metadata"]!["namespace"]);
        foreach (var rule in role["rules"]!.AsArray())
        {
            var verbs = rule!["verbs"]!.AsArray().Select(v => (string)v!).ToList();
            if (verbs.Contains("get") || verbs.Contains("update"))
            {
                Assert.Equal(["k8srelay-operator-leader"], rule["resourceNames"]!.AsArray().Select(n => (string)n!));
            }
        }
    }

    [Fact]
    public async Task Bindings_GiveTheRolesToTheOperatorsServiceAccount()
    {
        var render = await ChartRenders.GetAsync(ChartNames.Operator, "default-values.yaml");
        var account = render.Single("ServiceAccount");
        var deployment = render.Get("Deployment", Fullname);

        Assert.Equal((string?)account["metadata"]!["name"], (string?)deployment["spec"]!["template"]!["spec"]!["serviceAccountName"]);
        foreach (var binding in render.OfKind("ClusterRoleBinding").Concat(render.OfKind("RoleBinding")))
        {
            var subject = Assert.Single(binding.Object["subjects"]!.AsArray())!;
            Assert.Equal("ServiceAccount", (string?)subject["kind"]);
            Assert.Equal((string?)account["metadata"]!["name"], (string?)subject["name"]);
            Assert.Equal(Helm.Namespace, (string?)subject["namespace"]);
        }
    }

    [Fact]
    public void OperatorSource_HasNoUnrecognizedClientCalls()
    {
        var (_, unrecognized) = OperatorSourceScanner.Scan();

        Assert.True(unrecognized.Count == 0,
            "The RBAC scan does not know these calls; teach OperatorSourceScanner their verbs and cover them in operator-permissions.json:\n"
            + string.Join("\n", unrecognized));
    }

    [Fact]
    public void EveryClientCall_IsCoveredByTheList()
    {
        var (calls, _) = OperatorSourceScanner.Scan();
        Assert.NotEmpty(calls);
        var permissions = OperatorPermissions.Flattened();

        var missing = new List<string>();
        foreach (var call in calls)
        {
            var rules = OperatorPermissions.Rules.Where(r => r.Calls.Contains(call.Name)).ToList();
            if (rules.Count == 0)
            {
                missing.Add($"{call.Location}: {call.Name} ({string.Join(", ", call.Verbs)}) is named by no rule");
                continue;
            }

            foreach (var verb in call.Verbs)
            {
                if (call.Resource is { } typed && !permissions.Any(p => p.ApiGroup == typed.Group && p.Resource == typed.Resource && p.Verb == verb))
                {
                    missing.Add($"{call.Location}: {call.Name} needs {verb} on {typed.Group}/{typed.Resource}");
                }
                else if (!rules.Any(r => r.Verbs.Contains(verb)))
                {
                    missing.Add($"{call.Location}: {call.Name} needs {verb}, which no rule naming it grants");
                }
            }
        }

        Assert.True(missing.Count == 0, $"Update {Path.GetFileName(OperatorPermissions.FilePath)} and the chart's rules:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryListedPermission_IsNeededByACallTheOperatorMakes()
    {
        var (calls, _) = OperatorSourceScanner.Scan();
        var unjustified = new List<string>();
        foreach (var rule in OperatorPermissions.Rules)
        {
            var made = calls.Where(c => rule.Calls.Contains(c.Name)).ToList();
            unjustified.AddRange(rule.Calls.Where(name => made.All(c => c.Name != name))
                .Select(name => $"{rule.ApiGroup}/{rule.Resource}: the operator no longer calls {name}"));
            foreach (var verb in rule.Verbs)
            {
                var justified = made.Any(c => c.Verbs.Contains(verb) && Fits(c, rule));
                if (!justified)
                {
                    unjustified.Add($"{rule.ApiGroup}/{rule.Resource}: nothing among [{string.Join(", ", rule.Calls)}] needs {verb}");
                }
            }
        }

        Assert.True(unjustified.Count == 0, "Remove grants the operator does not need:\n" + string.Join("\n", unjustified));
    }

    [Fact]
    public async Task EveryKindTheOperatorHandles_HasARule()
    {
        var crd = await CrdFiles.DefinitionOfAsync("k8srelay.io/v1alpha1", "RealtimeCluster");
        var kinds = OperatorSourceScanner.ResourceKinds()
            .Append((Group: (string)crd["spec"]!["group"]!, Resource: (string)crd["spec"]!["names"]!["plural"]!)).ToList();
        Assert.True(kinds.Count > 5, "The scan found too few kinds in ResourceKind.cs: " + string.Join(", ", kinds));

        var ruled = OperatorPermissions.Rules.Select(r => (r.ApiGroup, r.Resource.Split('/')[0])).ToHashSet();
        var missing = kinds.Where(k => !ruled.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Kinds with no rule in operator-permissions.json: " + string.Join(", ", missing.Select(k => $"{k.Group}/{k.Resource}")));

        var extra = OperatorPermissions.Rules.Where(r => r.Role == "operator" && !kinds.Contains((r.ApiGroup, r.Resource.Split('/')[0]))).ToList();
        Assert.True(extra.Count == 0, "Rules for kinds the operator does not handle: " + string.Join(", ", extra.Select(r => $"{r.ApiGroup}/{r.Resource}")));
    }

    // A call on a subresource (…Status) only justifies that subresource; a typed call only its own resource;
    // blocking owner references only the finalizers of the owner.
    private static bool Fits(ApiCall call, PermissionRule rule)
    {
        if (call.Resource is { } typed)
        {
            return typed.Group == rule.ApiGroup && typed.Resource == rule.Resource;
        }

        if (call.Name == "BlockOwnerDeletion")
        {
            return rule.Resource.EndsWith("/finalizers", StringComparison.Ordinal);
        }

        var statusCall = call.Name.EndsWith("Status", StringComparison.Ordinal);
        return statusCall == rule.Resource.EndsWith("/status", StringComparison.Ordinal) && !rule.Resource.EndsWith("/finalizers", StringComparison.Ordinal);
    }

    private static IEnumerable<Permission> Grants(JsonObject role, string roleName) =>
        from rule in role["rules"]!.AsArray()
        from apiGroup in rule!["apiGroups"]!.AsArray()
        from resource in rule["resources"]!.AsArray()
        from verb in rule["verbs"]!.AsArray()
        select new Permission(roleName, (string)apiGroup!, (string)resource!, (string)verb!);

    private static void AssertSameSets(IReadOnlySet<Permission> expected, IReadOnlySet<Permission> granted)
    {
        var missing = expected.Except(granted).Select(p => $"missing: {p}");
        var extra = granted.Except(expected).Select(p => $"not needed: {p}");
        var differences = missing.Concat(extra).ToList();
        Assert.True(differences.Count == 0, "The chart's roles differ from operator-permissions.json:\n" + string.Join("\n", differences));
    }
}
