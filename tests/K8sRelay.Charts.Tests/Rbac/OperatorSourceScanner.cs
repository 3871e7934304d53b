using System.Text.RegularExpressions;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>
/// Finds every Kubernetes API call in the operator's C# source:
/// <list type="bullet">
/// <item>KubernetesClient calls such as <c>client.CoreV1.ReadNamespacedSecretAsync</c> or
/// <c>client.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync</c>; the verb comes from the method name
/// (Read = get, List = list, plus watch when the statement passes <c>watch: true</c>, Replace = update...), and for
/// typed groups the resource too;</item>
/// <item>library types that call the API themselves (the leader-election locks);</item>
/// <item>blocking owner references, which need <c>update</c> on the owner's finalizers.</item>
/// </list>
/// Anything that looks like a client call but fits none of these is reported as unrecognized, so a new kind of
/// call fails the RBAC tests instead of slipping past them.
/// </summary>
public static partial class OperatorSourceScanner
{
    private static readonly Dictionary<string, string> VerbOfPrefix = new(StringComparer.Ordinal)
    {
        ["Read"] = "get",
        ["List"] = "list",
        ["Create"] = "create",
        ["Replace"] = "update",
        ["Patch"] = "patch",
        ["DeleteCollection"] = "deletecollection",
        ["Delete"] = "delete",
        ["Watch"] = "watch",
    };

    private static readonly Dictionary<string, (string Group, string Resource, string[] Verbs)> LibraryTypes = new(StringComparer.Ordinal)
    {
        ["LeaseLock"] = ("coordination.k8s.io", "leases", ["get", "create", "update"]),
        ["ConfigMapLock"] = ("", "configmaps", ["get", "create", "update"]),
        ["EndpointsLock"] = ("", "endpoints", ["get", "create", "update"]),
    };

    /// <summary>Every API call in the operator source (or another source folder), plus the client-like calls the scanner could not classify.</summary>
    public static (IReadOnlyList<ApiCall> Calls, IReadOnlyList<string> Unrecognized) Scan(string? sourceFolder = null)
    {
        var calls = new List<ApiCall>();
        var unrecognized = new List<string>();
        var folder = sourceFolder ?? RepositoryPaths.OperatorSource;
        foreach (var file in SourceFiles(folder))
        {
            var text = WithoutComments(File.ReadAllText(file));
            var relative = Path.GetRelativePath(Path.GetDirectoryName(folder)!, file);
            var recognized = new HashSet<int>();
            foreach (Match m in ClientCall().Matches(text))
            {
                recognized.Add(m.Groups["method"].Index);
                var location = $"{relative}:{LineOf(text, m.Index)}";
                var call = Classify(m.Groups["api"].Value, m.Groups["method"].Value, Statement(text, m.Index), location);
                if (call is null)
                {
                    unrecognized.Add($"{location}: {m.Value}");
                }
                else
                {
                    calls.Add(call);
                }
            }

            foreach (Match m in LibraryType().Matches(text))
            {
                var (group, resource, verbs) = LibraryTypes[m.Groups["type"].Value];
                calls.Add(new ApiCall(m.Groups["type"].Value, verbs, (group, resource), $"{relative}:{LineOf(text, m.Index)}"));
            }

            foreach (Match m in BlockingOwnerReference().Matches(text))
            {
                calls.Add(new ApiCall("BlockOwnerDeletion", ["update"], null, $"{relative}:{LineOf(text, m.Index)}"));
            }

            unrecognized.AddRange(ClientLikeName().Matches(text).Where(m => !recognized.Contains(m.Index))
                .Select(m => $"{relative}:{LineOf(text, m.Index)}: {m.Value}"));
            unrecognized.AddRange(UnknownLibraryType().Matches(text).Select(m => $"{relative}:{LineOf(text, m.Index)}: {m.Value}"));
        }

        return (calls, unrecognized);
    }

    /// <summary>The (group, plural) of every kind the operator's ResourceKind class defines.</summary>
    public static IReadOnlyList<(string Group, string Resource)> ResourceKinds()
    {
        var file = Directory.GetFiles(RepositoryPaths.OperatorSource, "ResourceKind.cs", SearchOption.AllDirectories).SingleOrDefault()
            ?? throw new Xunit.Sdk.XunitException("operator/K8sRelay.Operator has no ResourceKind.cs; teach OperatorSourceScanner where the operator now lists its kinds.");
        return [.. ResourceKindDefinition().Matches(File.ReadAllText(file)).Select(m => (m.Groups["group"].Value, m.Groups["plural"].Value))];
    }

    private static ApiCall? Classify(string api, string method, string statement, string location)
    {
        var prefix = VerbOfPrefix.Keys.Where(p => method.StartsWith(p, StringComparison.Ordinal)).OrderByDescending(p => p.Length).FirstOrDefault();
        if (prefix is null)
        {
            return null;
        }

        string[] verbs = prefix == "List" && WatchArgument().IsMatch(statement) ? ["list", "watch"] : [VerbOfPrefix[prefix]];
        var name = $"{api}.{method}";
        if (api == "CustomObjects")
        {
            return new ApiCall(name, verbs, null, location);
        }

        var kind = method[prefix.Length..];
        foreach (var affix in new[] { "Namespaced", "Cluster" })
        {
            kind = kind.StartsWith(affix, StringComparison.Ordinal) ? kind[affix.Length..] : kind;
        }

        kind = kind.EndsWith("ForAllNamespaces", StringComparison.Ordinal) ? kind[..^"ForAllNamespaces".Length] : kind;
        var subresource = "";
        foreach (var sub in new[] { "Status", "Scale", "Ephemeralcontainers", "Eviction", "Log", "Binding" })
        {
            if (kind.Length > sub.Length && kind.EndsWith(sub, StringComparison.Ordinal))
            {
                kind = kind[..^sub.Length];
                subresource = "/" + sub.ToLowerInvariant();
                break;
            }
        }

        return new ApiCall(name, verbs, (GroupOf(api), Plural(kind) + subresource), location);
    }

    private static string GroupOf(string api)
    {
        var group = VersionSuffix().Replace(api, "");
        return group switch
        {
            "Core" => "",
            "Apps" or "Policy" or "Autoscaling" or "Batch" => group.ToLowerInvariant(),
            "RbacAuthorization" => "rbac.authorization.k8s.io",
            _ => group.ToLowerInvariant() + ".k8s.io",
        };
    }

    private static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower.EndsWith('y') ? lower[..^1] + "ies" : lower.EndsWith('s') ? lower + "es" : lower + "s";
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    // Comments are blanked (not removed) so line numbers stay right.
    private static string WithoutComments(string text) => LineComment().Replace(text, m => new string(' ', m.Length));

    private static string Statement(string text, int start)
    {
        var end = text.IndexOf(';', start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"\.(?<api>CustomObjects|[A-Z][A-Za-z]*V\d+(?:alpha\d+|beta\d+)?)\.(?<method>[A-Z]\w*?)(?:WithHttpMessages)?Async\b")]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"\b(?:Read|List|Create|Replace|Patch|Delete|Watch)\w*?(?:Namespaced|ForAllNamespaces|CustomObject|Cluster)\w*Async\b")]
    private static partial Regex ClientLikeName();

    [GeneratedRegex(@"\bnew\s+(?<type>LeaseLock|ConfigMapLock|EndpointsLock)\s*\(")]
    private static partial Regex LibraryType();

    [GeneratedRegex(@"\bnew\s+(?:MultiLock|GenericClient|EventRecorder|Watcher<)\w*")]
    private static partial Regex UnknownLibraryType();

    [GeneratedRegex(@"BlockOwnerDeletion\s*=\s*true")]
    private static partial Regex BlockingOwnerReference();

    [GeneratedRegex(@"\bwatch:\s*true\b")]
    private static partial Regex WatchArgument();

    [GeneratedRegex(@"V\d+(?:alpha\d+|beta\d+)?$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex("""new\("(?<group>[^"]*)", "(?<version>[^"]+)", "(?<plural>[^"]+)", "(?<kind>[^"]+)"\)""")]
    private static partial Regex ResourceKindDefinition();
}
