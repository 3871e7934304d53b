using System.Reflection;

namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>Paths inside the repository, found by walking up from the test binaries to K8sRelay.sln.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The charts/ folder.</summary>
    public static string Charts => Path.Combine(Root, "charts");

    /// <summary>The top-level crds/ folder with the generated CRDs.</summary>
    public static string Crds => Path.Combine(Root, "crds");

    /// <summary>The RealtimeCluster samples.</summary>
    public static string Samples => Path.Combine(Crds, "samples");

    /// <summary>The operator's source folder.</summary>
    public static string OperatorSource => Path.Combine(Root, "operator", "K8sRelay.Operator");

    /// <summary>The helm binary that hack/get-helm.sh installs.</summary>
    public static string Helm => Path.Combine(Root, ".tools", "helm", "bin", "helm");

    /// <summary>The node project with the manifest validator.</summary>
    public static string Validator => Path.Combine(Root, "tests", "charts-validate");

    /// <summary>Values files that the charts must refuse.</summary>
    public static string BadValues => Path.Combine(Root, "tests", "K8sRelay.Charts.Tests", "BadValues");

    /// <summary>A chart's folder.</summary>
    public static string Chart(string name) => Path.Combine(Charts, name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8sRelay.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is not null)
        {
            return directory.FullName;
        }

        // Build outputs may live outside the repository (--artifacts-path); the project records its source folder.
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "K8sRelay.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        throw new InvalidOperationException("K8sRelay.sln was not found above the test binaries.");
    }
}
