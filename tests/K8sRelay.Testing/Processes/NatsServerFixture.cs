using System.Globalization;
using System.Net.Sockets;

namespace K8sRelay.Testing.Processes;

/// <summary>A <c>nats-server</c> on a free loopback port, started per test class and stopped by PID; restartable on the same port.</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "k8srelay-nats-" + Guid.NewGuid().ToString("N")[..12]);
    private ExternalProcess? _process;

    /// <summary>Client port.</summary>
    public int Port { get; } = FreePorts.Next();

    /// <summary>URL for the NATS broker options (<c>broker.nats.url</c>).</summary>
    public string Url => $"nats://127.0.0.1:{Port}";

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await StartAsync();
    }

    /// <summary>Starts the server (again).</summary>
    public async Task StartAsync()
    {
        _process = ExternalProcess.Start("nats-server", ["-a", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture)], _directory, Path.Combine(_directory, "server.log"));
        await WaitUntil.TrueAsync(AcceptsAsync, $"nats-server on port {Port} to accept connections");
    }

    /// <summary>Stops the server (SIGTERM).</summary>
    public Task StopAsync() => _process?.StopAsync() ?? Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            using var reader = new StreamReader(client.GetStream());
            var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
            return greeting?.StartsWith("INFO", StringComparison.Ordinal) == true;
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
