using System.Reflection;

namespace K8sRelay.Testing;

/// <summary>Locates the repository checkout the tests were built from.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding K8sRelay.sln).</summary>
    public static string Root { get; } = Find();

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var fromBuild = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "K8sRelay.sln")))
        {
            return fromBuild;
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "K8sRelay.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("K8sRelay.sln not found: run the tests from a checkout of the repository");
    }
}
