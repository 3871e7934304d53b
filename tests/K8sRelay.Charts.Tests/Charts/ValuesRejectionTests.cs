using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary>
/// Values files under BadValues/&lt;chart&gt;/ must make <c>helm template</c> fail; each file's first line,
/// <c># expect: …</c>, is the message the user has to see (from values.schema.json or from a template check).
/// </summary>
public sealed class ValuesRejectionTests
{
    private const string ExpectPrefix = "# expect: ";

    public static TheoryData<string, string> BadValuesCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var chart in ChartNames.All)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.BadValues, chart), "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(chart, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadValuesCases))]
    public async Task BadValues_AreRefusedWithAClearMessage(string chart, string valuesFile)
    {
        var path = Path.Combine(RepositoryPaths.BadValues, chart, valuesFile);
        var firstLine = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken))[0];
        Assert.StartsWith(ExpectPrefix, firstLine, StringComparison.Ordinal);
        var expected = firstLine[ExpectPrefix.Length..];

        var result = await Helm.TemplateAsync(chart, [path], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded, $"{chart} accepted {valuesFile}:\n{result.Output}");
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChart_HasBadValuesCases()
    {
        foreach (var chart in ChartNames.All)
        {
            Assert.True(Directory.GetFiles(Path.Combine(RepositoryPaths.BadValues, chart), "*.yaml").Length >= 8, $"{chart} needs more bad values cases");
        }
    }
}
