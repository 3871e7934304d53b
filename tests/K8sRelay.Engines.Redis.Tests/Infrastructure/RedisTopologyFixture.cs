using K8sRelay.Testing.Processes;
namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>
/// Real Redis processes in one topology, started once per test class and stopped by PID afterwards. Each test uses
/// its own key prefix, so tests of one class never see each other's data.
/// </summary>
public abstract class RedisTopologyFixture : IAsyncLifetime
{
    private readonly List<RedisServer> _servers = [];

    /// <summary>Scratch folder holding every process's data and log.</summary>
    protected string Root { get; } = Path.Combine(Path.GetTempPath(), "k8srelay-redis-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Values for <see cref="RedisEngineOptions.Address"/>.</summary>
    public abstract IReadOnlyList<string> Addresses { get; }

    /// <summary>Every process started, in start order.</summary>
    public IReadOnlyList<RedisServer> Servers => _servers;

    /// <inheritdoc />
    public abstract ValueTask InitializeAsync();

    /// <summary>Ports of the servers that currently accept writes (masters).</summary>
    public abstract Task<IReadOnlyList<int>> MasterPortsAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var server in Enumerable.Reverse(_servers))
        {
            await server.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A log still being flushed; the temp folder is cleaned by the system later.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a redis-server in its own sub-folder and tracks it.</summary>
    protected async Task<RedisServer> AddServerAsync(string name, int? port = null, params string[] extra)
    {
        var server = await RedisServer.StartAsync(Path.Combine(Root, name), port, extra);
        _servers.Add(server);
        return server;
    }

    /// <summary>Starts a sentinel in its own sub-folder and tracks it.</summary>
    protected async Task<RedisServer> AddSentinelAsync(string name, RedisServer master, string masterName)
    {
        var server = await RedisServer.StartSentinelAsync(Path.Combine(Root, name), master, masterName);
        _servers.Add(server);
        return server;
    }
}
