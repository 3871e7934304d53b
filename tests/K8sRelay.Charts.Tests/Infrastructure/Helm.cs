namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>The real helm binary from .tools/helm (installed by hack/test.sh through hack/get-helm.sh).</summary>
public static class Helm
{
    /// <summary>Release name used for every render.</summary>
    public const string Release = "demo";

    /// <summary>Namespace used for every render.</summary>
    public const string Namespace = "apps";

    /// <summary><c>helm lint --strict</c> of a chart with one values file.</summary>
    public static Task<ProcessResult> LintAsync(string chart, string valuesFile, CancellationToken cancellationToken) =>
        RunAsync(["lint", "--strict", RepositoryPaths.Chart(chart), "--namespace", Namespace, "-f", valuesFile], cancellationToken);

    /// <summary><c>helm template</c> of a chart with the given values files.</summary>
    public static Task<ProcessResult> TemplateAsync(string chart, IEnumerable<string> valuesFiles, CancellationToken cancellationToken) =>
        RunAsync(["template", Release, RepositoryPaths.Chart(chart), "--namespace", Namespace, .. valuesFiles.SelectMany(f => new[] { "-f", f })], cancellationToken);

    /// <summary>A client-side dry-run install, which also renders NOTES.txt.</summary>
    public static Task<ProcessResult> InstallDryRunAsync(string chart, string valuesFile, CancellationToken cancellationToken) =>
        RunAsync(["install", Release, RepositoryPaths.Chart(chart), "--namespace", Namespace, "--dry-run=client", "-f", valuesFile], cancellationToken);

    /// <summary>Runs helm; a missing binary fails the test with the way to get it.</summary>
    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        if (!File.Exists(RepositoryPaths.Helm))
        {
            Assert.Fail($"helm is missing at .tools/helm/bin/helm. Run hack/test.sh once (or hack/get-helm.sh .tools/helm) to install the pinned helm.");
        }

        return ProcessRunner.RunAsync(RepositoryPaths.Helm, arguments, RepositoryPaths.Root, cancellationToken);
    }
}
