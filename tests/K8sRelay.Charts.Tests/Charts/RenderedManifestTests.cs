using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary>Every rendered manifest passes the Kubernetes schema checks of tests/charts-validate.</summary>
public sealed class RenderedManifestTests
{
    public static TheoryData<string, string> CiCases => ChartNames.CiCases();

    [Theory]
    [MemberData(nameof(CiCases))]
    public async Task EveryManifest_MatchesItsKubernetesSchema(string chart, string valuesFile)
    {
        var render = await ChartRenders.GetAsync(chart, valuesFile);

        Assert.NotEmpty(render.Documents);
        var problems = render.Documents
            .Where(d => d.Status != "valid")
            .Select(d => d.Status == "unchecked" ? $"{d}: no schema known for {d.ApiVersion} {d.Kind}" : $"{d}: {string.Join("; ", d.Errors)}")
            .ToList();
        Assert.True(problems.Count == 0, $"{chart} with ci/{valuesFile}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(CiCases))]
    public async Task EveryNamespacedObject_IsInTheReleaseNamespaceOrAChosenOne(string chart, string valuesFile)
    {
        var render = await ChartRenders.GetAsync(chart, valuesFile);
        string[] clusterScoped = ["ClusterRole", "ClusterRoleBinding"];

        foreach (var document in render.Documents.Where(d => !clusterScoped.Contains(d.Kind)))
        {
            var ns = (string?)document.Object["metadata"]?["namespace"];
            Assert.False(string.IsNullOrEmpty(ns), $"{document} has no namespace");
        }
    }

    [Fact]
    public async Task Validator_RefusesMisspelledFields()
    {
        var folder = Directory.CreateTempSubdirectory("k8srelay-bad-");
        var file = Path.Combine(folder.FullName, "bad.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bad
            spec:
              replicas: three
              selector:
                matchLabels: {app: bad}
              template:
                metadata:
                  labels: {app: bad}
                spec:
                  containers:
                    - name: server
                      image: k8srelay/server
                      securityContext:
                        readOnlyRootFileSystem: true
            """, TestContext.Current.CancellationToken);

        var document = Assert.Single(await ManifestValidator.CheckAsync([file], TestContext.Current.CancellationToken));
        folder.Delete(recursive: true);

        Assert.Equal("invalid", document.Status);
        Assert.Contains(document.Errors, e => e.Contains("replicas must be integer", StringComparison.Ordinal));
        Assert.Contains("spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem: unknown field", document.Errors);
    }
}
