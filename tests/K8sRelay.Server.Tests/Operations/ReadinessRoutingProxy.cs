using System.Net;
using System.Net.Sockets;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// A TCP load balancer in front of several nodes that routes each new connection to the first node whose
/// <c>/ready</c> answers 200 at that moment, as a Kubernetes Service does with its ready endpoints. Bytes are
/// piped both ways until either side closes, so WebSocket upgrades and frames pass unchanged.
/// </summary>
internal sealed class ReadinessRoutingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyList<Backend> _backends;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pipes = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;

    public ReadinessRoutingProxy(params OperationsServer[] backends)
        : this(backends.Select(b => new Backend(b.Config.HttpServer.Port, b.Http)).ToArray())
    {
    }

    /// <summary>Routes to nodes given by their HTTP port and a client for their <c>/ready</c>, in order of preference.</summary>
    public ReadinessRoutingProxy(params Backend[] backends)
    {
        _backends = backends;
        Port = FreePorts.Next();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public string WebSocketUrl => $"ws://127.0.0.1:{Port}/connection/websocket";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] pipes;
        lock (_gate)
        {
            pipes = [.. _pipes];
        }

        await Task.WhenAll(pipes);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var pipe = PipeAsync(incoming);
            lock (_gate)
            {
                _pipes.Add(pipe);
            }
        }
    }

    private async Task PipeAsync(TcpClient incoming)
    {
        using (incoming)
        {
            var backend = await ChooseAsync();
            if (backend is null)
            {
                return;
            }

            using var outgoing = new TcpClient();
            try
            {
                await outgoing.ConnectAsync(IPAddress.Loopback, backend.Port, _stop.Token);
                using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = CopyAsync(incoming.GetStream(), outgoing.GetStream(), both);
                var down = CopyAsync(outgoing.GetStream(), incoming.GetStream(), both);
                await Task.WhenAny(up, down);
                await both.CancelAsync();
                await Task.WhenAll(up, down);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
            {
                // A side went away; the client sees the connection close and reconnects.
            }
        }
    }

    private async Task<Backend?> ChooseAsync()
    {
        foreach (var backend in _backends)
        {
            try
            {
                using var response = await backend.Http.GetAsync("/ready", _stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    return backend;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // Not reachable: not ready.
            }
        }

        return null;
    }

    /// <summary>A node behind the proxy: its HTTP port and a client for its <c>/ready</c>.</summary>
    public sealed record Backend(int Port, HttpClient Http);

    private static async Task CopyAsync(Stream from, Stream to, CancellationTokenSource both)
    {
        try
        {
            await from.CopyToAsync(to, both.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other direction ended first.
        }
        finally
        {
            await both.CancelAsync();
        }
    }
}
