namespace K8sRelay.Operator.Tests;

/// <summary>Paths inside the repository, found by walking up from the test binaries to K8sRelay.sln.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The crds/ folder.</summary>
    public static string Crds => Path.Combine(Root, "crds");

    /// <summary>The golden files of the builder tests.</summary>
    public static string Golden => Path.Combine(Root, "tests", "K8sRelay.Operator.Tests", "Golden");

    private static string FindRoot()
    {
        // The project records its source folder at build time, since build outputs may live outside the repository.
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "K8sRelay.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8sRelay.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("K8sRelay.sln was not found above the test binaries.");
    }
}
