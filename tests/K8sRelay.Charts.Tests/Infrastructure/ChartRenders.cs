namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>
/// Renders every chart with every ci values file once per test run and checks all manifests in one validator
/// run, so the many tests that look at rendered output share a few seconds of helm and node.
/// </summary>
public static class ChartRenders
{
    private static readonly Lazy<Task<IReadOnlyList<RenderedChart>>> Renders = new(RenderAllAsync);

    /// <summary>Every (chart, ci values file) render.</summary>
    public static Task<IReadOnlyList<RenderedChart>> AllAsync() => Renders.Value;

    /// <summary>One render.</summary>
    public static async Task<RenderedChart> GetAsync(string chart, string valuesFile) =>
        (await AllAsync()).Single(r => r.Chart == chart && r.ValuesFile == valuesFile);

    private static async Task<IReadOnlyList<RenderedChart>> RenderAllAsync()
    {
        var output = Directory.CreateTempSubdirectory("k8srelay-charts-");
        var cases = ChartNames.All.SelectMany(chart => ChartNames.CiValues(chart).Select(file => (Chart: chart, File: file))).ToList();
        var files = await Task.WhenAll(cases.Select(async c =>
        {
            var result = await Helm.TemplateAsync(c.Chart, [ChartNames.CiValuesPath(c.Chart, c.File)], CancellationToken.None);
            Assert.True(result.Succeeded, $"helm template {c.Chart} -f ci/{c.File} failed: {result.Describe()}");
            var path = Path.Combine(output.FullName, $"{c.Chart}--{c.File}");
            await File.WriteAllTextAsync(path, result.Output);
            return path;
        }));

        var documents = await ManifestValidator.CheckAsync(files, CancellationToken.None);
        output.Delete(recursive: true);
        return [.. cases.Select((c, i) => new RenderedChart(c.Chart, c.File, [.. documents.Where(d => d.File == files[i])]))];
    }
}
