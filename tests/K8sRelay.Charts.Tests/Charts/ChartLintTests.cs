using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary><c>helm lint --strict</c> and a dry-run install (which renders NOTES.txt) of every chart with every ci values file.</summary>
public sealed class ChartLintTests
{
    public static TheoryData<string, string> CiCases => ChartNames.CiCases();

    [Theory]
    [MemberData(nameof(CiCases))]
    public async Task StrictLint_Passes(string chart, string valuesFile)
    {
        var result = await Helm.LintAsync(chart, ChartNames.CiValuesPath(chart, valuesFile), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CiCases))]
    public async Task DryRunInstall_RendersNotes(string chart, string valuesFile)
    {
        var result = await Helm.InstallDryRunAsync(chart, ChartNames.CiValuesPath(chart, valuesFile), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Describe());
        var notes = result.Output[result.Output.IndexOf("NOTES:", StringComparison.Ordinal)..];
        Assert.Contains("/api/publish", notes, StringComparison.Ordinal);
        Assert.Contains("X-API-Key", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChart_HasSeveralCiValuesFiles()
    {
        foreach (var chart in ChartNames.All)
        {
            Assert.True(ChartNames.CiValues(chart).Count >= 3, $"{chart} should be tested with at least three values files");
        }
    }
}
