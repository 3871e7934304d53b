namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>The two charts.</summary>
public static class ChartNames
{
    /// <summary>The standalone server chart.</summary>
    public const string Server = "k8srelay";

    /// <summary>The operator chart.</summary>
    public const string Operator = "k8srelay-operator";

    /// <summary>Both charts.</summary>
    public static IReadOnlyList<string> All { get; } = [Server, Operator];

    /// <summary>The values files of a chart's ci/ folder, by file name.</summary>
    public static IReadOnlyList<string> CiValues(string chart) =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Chart(chart), "ci"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>Every (chart, ci values file) pair, for theories.</summary>
    public static TheoryData<string, string> CiCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var chart in All)
        {
            foreach (var file in CiValues(chart))
            {
                data.Add(chart, file);
            }
        }

        return data;
    }

    /// <summary>The full path of a ci values file.</summary>
    public static string CiValuesPath(string chart, string file) => Path.Combine(RepositoryPaths.Chart(chart), "ci", file);
}
