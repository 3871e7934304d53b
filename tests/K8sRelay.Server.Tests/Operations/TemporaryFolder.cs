namespace K8sRelay.Server.Tests.Operations;

/// <summary>A folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string purpose)
    {
        Path = Directory.CreateTempSubdirectory("k8srelay-ops-" + purpose + "-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the system cleans temporary folders.
        }
    }
}
