namespace K8sRelay.Operator.Tests.Golden;

/// <summary>
/// Compares output with a checked-in golden file. Set UPDATE_GOLDEN=1 to rewrite the files after an intended change
/// and review the diff.
/// </summary>
public static class GoldenFile
{
    /// <summary>Asserts that <paramref name="actual"/> equals the golden file <paramref name="relativePath"/>.</summary>
    public static void Verify(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Golden, relativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; run the tests with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
