namespace K8sRelay.Configuration.Tests;

/// <summary>Writes config files into a private temporary folder that is deleted on dispose.</summary>
internal sealed class TestFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("k8srelay-config-tests-").FullName;

    public string Write(string fileName, string content)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string fileName) => Path.Combine(folder, fileName);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
