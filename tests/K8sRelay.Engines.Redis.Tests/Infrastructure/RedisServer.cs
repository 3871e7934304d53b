using K8sRelay.Testing.Processes;
namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>
/// One <c>redis-server</c> (or <c>redis-sentinel</c>) process on a loopback port, with its own data folder so it can be
/// stopped and started again with its data.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly IReadOnlyList<string> _arguments;
    private ExternalProcess? _process;

    private RedisServer(string binary, int port, string directory, IReadOnlyList<string> arguments)
    {
        _binary = binary;
        Port = port;
        Directory = directory;
        _arguments = arguments;
    }

    /// <summary>Loopback port.</summary>
    public int Port { get; }

    /// <summary>Data folder.</summary>
    public string Directory { get; }

    /// <summary>host:port.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>PID of the running process.</summary>
    public int Pid => _process?.Pid ?? 0;

    /// <summary>Starts a redis-server with no persistence unless <paramref name="extra"/> asks for it.</summary>
    public static Task<RedisServer> StartAsync(string directory, int? port = null, params string[] extra)
    {
        var chosen = port ?? FreePorts.Next();
        System.IO.Directory.CreateDirectory(directory);
        var arguments = new List<string> { "--bind", "127.0.0.1", "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", directory, "--save", string.Empty, "--appendonly", "no" };
        arguments.AddRange(extra);
        return StartAsync(new RedisServer("redis-server", chosen, directory, arguments));
    }

    /// <summary>Starts a redis-sentinel watching <paramref name="master"/> as <paramref name="masterName"/> (quorum 1, fast failover).</summary>
    public static async Task<RedisServer> StartSentinelAsync(string directory, RedisServer master, string masterName)
    {
        var port = FreePorts.Next();
        System.IO.Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "sentinel.conf");
        await File.WriteAllTextAsync(config, string.Join('\n',
            "bind 127.0.0.1",
            $"port {port}",
            $"dir {directory}",
            $"sentinel monitor {masterName} 127.0.0.1 {master.Port} 1",
            $"sentinel down-after-milliseconds {masterName} 1000",
            $"sentinel failover-timeout {masterName} 5000",
            $"sentinel parallel-syncs {masterName} 1",
            string.Empty));
        return await StartAsync(new RedisServer("redis-sentinel", port, directory, [config]));
    }

    /// <summary>Starts the process again with the same port, folder and arguments.</summary>
    public async Task RestartAsync()
    {
        if (_process is { IsRunning: true })
        {
            throw new InvalidOperationException("Already running.");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await LaunchAsync();
    }

    /// <summary>Stops cleanly (SIGTERM): an append-only file, if enabled, is complete.</summary>
    public Task StopAsync() => _process?.StopAsync() ?? Task.CompletedTask;

    /// <summary>Kills (SIGKILL), like a crash.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    /// <summary>Runs one command against this server.</summary>
    public Task<string> CommandAsync(params string[] arguments) => Resp.CommandAsync(Port, arguments);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static async Task<RedisServer> StartAsync(RedisServer server)
    {
        await server.LaunchAsync();
        return server;
    }

    private async Task LaunchAsync()
    {
        _process = ExternalProcess.Start(_binary, _arguments, Directory, Path.Combine(Directory, "server.log"));
        await WaitUntil.TrueAsync(() => Resp.PingAsync(Port), $"{_binary} on port {Port} to answer PING (log: {Directory}/server.log)");
    }
}
