using System.Text.RegularExpressions;
using System.Xml.Linq;
using K8sRelay.Testing;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// Images cannot be built on the test machines, so the Dockerfiles are checked by reading them: every path they
/// copy or build exists in the repository (the build context is its root), the entry point runs the assembly
/// the project produces, and the runtime stage is small, non-root, exposes its ports and has a health check.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string, string, int, string> Images => new()
    {
        { "server/Dockerfile", "server/K8sRelay.Server/K8sRelay.Server.csproj", 8000, "/health" },
        { "operator/Dockerfile", "operator/K8sRelay.Operator/K8sRelay.Operator.csproj", 8080, "/healthz" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_ReferencesExistingPaths_AndRunsTheProjectsAssembly(string dockerfile, string project, int port, string healthPath)
    {
        var lines = Instructions(dockerfile);

        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.True(froms.Count >= 2, "not a multi-stage build");
        // Base images are build arguments (no registry is named in the repository); both stages use them.
        var arguments = Arguments(lines);
        Assert.True(arguments.ContainsKey("SDK_IMAGE") && arguments.ContainsKey("RUNTIME_IMAGE"), $"{dockerfile}: SDK_IMAGE and RUNTIME_IMAGE build arguments expected");
        Assert.Contains(froms, f => f.StartsWith("FROM ${SDK_IMAGE}", StringComparison.Ordinal));
        Assert.Contains(froms, f => f.StartsWith("FROM ${RUNTIME_IMAGE}", StringComparison.Ordinal));

        foreach (var copy in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[1..^1])
            {
                var path = RepositoryPaths.Combine(source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{dockerfile}: COPY source {source} does not exist");
            }
        }

        var built = lines.Where(l => l.StartsWith("RUN ", StringComparison.Ordinal))
            .SelectMany(l => ProjectPath().Matches(l).Select(m => m.Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(project, built);
        Assert.All(built, p => Assert.True(File.Exists(RepositoryPaths.Combine(p)), $"{dockerfile}: {p} does not exist"));

        var assembly = XDocument.Load(RepositoryPaths.Combine(project)).Descendants("AssemblyName").Single().Value;
        var entry = Assert.Single(lines, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));
        Assert.Contains($"\"/app/{assembly}.dll\"", entry, StringComparison.Ordinal);

        var user = Assert.Single(lines, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..];
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(lines, l => l.StartsWith("EXPOSE ", StringComparison.Ordinal)).Split(' '));
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"127.0.0.1:{port}{healthPath}", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildContext_LeavesOutBuildOutputAndDependencies()
    {
        var ignored = File.ReadAllLines(RepositoryPaths.Combine(".dockerignore"));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/node_modules/", ignored);
    }

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped.</summary>
    private static List<string> Instructions(string dockerfile)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(dockerfile)).Replace("\\\n", " ", StringComparison.Ordinal);
        return [.. text.Split('\n').Select(l => Regex.Replace(l.Trim(), "\\s+", " ")).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }

    private static Dictionary<string, string> Arguments(List<string> lines) =>
        lines.Where(l => l.StartsWith("ARG ", StringComparison.Ordinal))
            .Select(l => l["ARG ".Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    [GeneratedRegex(@"[\w./-]+\.csproj")]
    private static partial Regex ProjectPath();
}
