using System.Text.Json;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Rbac;

/// <summary>The checked-in list of what the operator does to the API (charts/k8srelay-operator/operator-permissions.json).</summary>
public static class OperatorPermissions
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Path of the list.</summary>
    public static string FilePath => Path.Combine(RepositoryPaths.Chart(ChartNames.Operator), "operator-permissions.json");

    /// <summary>The rules of the list.</summary>
    public static IReadOnlyList<PermissionRule> Rules { get; } = Load();

    /// <summary>The rules as single permissions.</summary>
    public static IReadOnlySet<Permission> Flattened() =>
        Rules.SelectMany(r => r.Verbs.Select(v => new Permission(r.Role, r.ApiGroup, r.Resource, v))).ToHashSet();

    private static List<PermissionRule> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        return document.RootElement.GetProperty("rules").Deserialize<List<PermissionRule>>(Options)
            ?? throw new InvalidDataException($"{FilePath} has no rules.");
    }
}
