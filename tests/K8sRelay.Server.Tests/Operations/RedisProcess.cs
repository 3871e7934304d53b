using System.Net.Sockets;
using System.Text;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>A real redis-server on a free loopback port, without persistence, in its own temporary folder.</summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _directory;
    private ExternalProcess _process;

    private RedisProcess(string directory, int port, ExternalProcess process)
    {
        _directory = directory;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    /// <summary>The address in the engine's notation.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("k8srelay-ops-redis-").FullName;
        var port = FreePorts.Next();
        var redis = new RedisProcess(directory, port, Launch(directory, port));
        await redis.WaitForPongAsync();
        return redis;
    }

    /// <summary>Kills the server (a crash: the engine loses its connections).</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Starts the server again on the same port.</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = Launch(_directory, Port);
        await WaitForPongAsync();
    }

    /// <summary>
    /// Sends inline commands (e.g. <c>CLIENT KILL TYPE pubsub</c>) in order on a new connection and returns their
    /// one-line replies joined by newlines.
    /// </summary>
    public async Task<string> CommandAsync(params string[] inlineCommands)
    {
        await using var admin = await OpenAdminAsync();
        return await admin.CommandAsync(inlineCommands);
    }

    /// <summary>A connection kept open for several commands (it stays usable while new connections are refused).</summary>
    public async Task<RedisAdminConnection> OpenAdminAsync()
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync("127.0.0.1", Port, TestContext.Current.CancellationToken);
            return new RedisAdminConnection(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary folder cleanup.
        }
    }

    private static ExternalProcess Launch(string directory, int port) =>
        ExternalProcess.Start(
            "redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", directory],
            directory,
            Path.Combine(directory, "redis.log"));

    private Task WaitForPongAsync() => WaitUntil.TrueAsync(async () =>
    {
        try
        {
            return (await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }, $"redis-server on port {Port}");
}
