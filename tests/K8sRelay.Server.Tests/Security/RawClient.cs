using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// A bare WebSocket client speaking the JSON protocol by hand, so tests see exactly what the server answers:
/// replies as JSON, or the close frame's code and reason. Every wait has a generous timeout so that a server
/// that never answers fails the test instead of hanging it.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    /// <summary>Upper bound of one wait for the server; far above any expected answer time.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private uint _nextId = 1;

    private RawClient(ClientWebSocket socket)
    {
        _socket = socket;
    }

    /// <summary>Opens a connection; extra request headers are sent with the upgrade request.</summary>
    /// <exception cref="WebSocketException">The upgrade was refused (see <see cref="TryOpenAsync"/>).</exception>
    public static async Task<RawClient> OpenAsync(string url, IReadOnlyDictionary<string, string>? headers = null)
    {
        var (client, status) = await TryOpenAsync(url, headers);
        return client ?? throw new WebSocketException($"upgrade refused with HTTP {(int)status}");
    }

    /// <summary>Opens a connection, or returns the HTTP status that refused the upgrade.</summary>
    public static async Task<(RawClient? Client, HttpStatusCode Status)> TryOpenAsync(
        string url, IReadOnlyDictionary<string, string>? headers = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            socket.Options.SetRequestHeader(name, value);
        }

        using var timeout = Timeout();
        try
        {
            await socket.ConnectAsync(new Uri(url), timeout.Token);
            return (new RawClient(socket), socket.HttpStatusCode);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            return (null, status);
        }
    }

    /// <summary>Sends <c>connect</c> with <paramref name="token"/> (none when null) and returns the answer.</summary>
    public Task<ServerAnswer> ConnectAsync(string? token = null) =>
        RequestAsync(token is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["token"] = token }, "connect");

    /// <summary>Sends <c>subscribe</c> to <paramref name="channel"/> with an optional token and returns the answer.</summary>
    public Task<ServerAnswer> SubscribeAsync(string channel, string? token = null)
    {
        var request = new Dictionary<string, object?> { ["channel"] = channel };
        if (token is not null)
        {
            request["token"] = token;
        }

        return RequestAsync(request, "subscribe");
    }

    /// <summary>Sends one command <c>{"id":N,"&lt;method&gt;":request}</c> and returns the answer.</summary>
    public async Task<ServerAnswer> RequestAsync(object request, string method)
    {
        var command = new Dictionary<string, object?> { ["id"] = _nextId++, [method] = request };
        await SendTextAsync(JsonSerializer.Serialize(command));
        return await ReceiveAsync();
    }

    /// <summary>Sends a raw text frame.</summary>
    public async Task SendTextAsync(string text)
    {
        using var timeout = Timeout();
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Waits for the next reply (pings are skipped) or for the close frame.</summary>
    public async Task<ServerAnswer> ReceiveAsync()
    {
        using var timeout = Timeout();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                try
                {
                    result = await _socket.ReceiveAsync(buffer, timeout.Token);
                }
                catch (WebSocketException) when (_socket.State is WebSocketState.Aborted or WebSocketState.Closed)
                {
                    return ServerAnswer.Closed(_socket.CloseStatus is { } code ? (int)code : 0, _socket.CloseStatusDescription);
                }

                message.Write(buffer.AsSpan(0, result.Count));
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseOutputAsync();
                return ServerAnswer.Closed((int)result.CloseStatus!.Value, result.CloseStatusDescription);
            }

            var text = Encoding.UTF8.GetString(message.ToArray()).Trim();
            if (text is "{}" or "")
            {
                continue;
            }

            return ServerAnswer.FromReply(JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = Timeout();
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may close at the same moment; nothing left to do.
            }
        }

        _socket.Dispose();
    }

    private static CancellationTokenSource Timeout()
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(WaitLimit);
        return cts;
    }

    private async Task CloseOutputAsync()
    {
        try
        {
            using var timeout = Timeout();
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already closed by the server.
        }
    }
}
