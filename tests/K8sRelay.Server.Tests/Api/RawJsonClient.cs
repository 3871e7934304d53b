using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace K8sRelay.Server.Tests.Api;

/// <summary>
/// A minimal client of the JSON client protocol over a real WebSocket, for tests that need a
/// live connection and want to see the exact frames (pushes, close codes).
/// </summary>
public sealed class RawJsonClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Queue<JsonElement> _pending = new();
    private uint _nextId;

    private RawJsonClient()
    {
    }

    /// <summary>Client id from the connect reply.</summary>
    public string ClientId { get; private set; } = "";

    /// <summary>The connect reply (or error reply).</summary>
    public JsonElement ConnectReply { get; private set; }

    /// <summary>Close status once the server closed the connection.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Close reason once the server closed the connection.</summary>
    public string? CloseReason => _socket.CloseStatusDescription;

    /// <summary>Connects with a token and waits for the connect reply.</summary>
    public static async Task<RawJsonClient> ConnectAsync(string url, string token)
    {
        var client = new RawJsonClient();
        await client._socket.ConnectAsync(new Uri(url), CancellationToken.None);
        await client.SendAsync($"{{\"id\":{++client._nextId},\"connect\":{{\"token\":\"{token}\",\"name\":\"raw\"}}}}");
        var reply = await client.ReceiveAsync();
        client.ConnectReply = reply ?? default;
        if (reply is { } r && r.TryGetProperty("connect", out var connect))
        {
            client.ClientId = connect.GetProperty("client").GetString()!;
        }

        return client;
    }

    /// <summary>Subscribes to a channel and waits for the reply.</summary>
    public async Task<JsonElement?> SubscribeAsync(string channel)
    {
        await SendAsync($"{{\"id\":{++_nextId},\"subscribe\":{{\"channel\":\"{channel}\"}}}}");
        return await ReceiveAsync();
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>
    /// The next message that is not a ping (pings are answered), or null once the server closed
    /// the connection. Frames with several messages are split on newlines.
    /// </summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        while (true)
        {
            if (_pending.TryDequeue(out var queued))
            {
                return queued;
            }

            if (_socket.State != WebSocketState.Open)
            {
                return null;
            }

            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                await message.WriteAsync(buffer.AsMemory(0, result.Count));
            }
            while (!result.EndOfMessage);

            var text = Encoding.UTF8.GetString(message.ToArray());
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var element = JsonDocument.Parse(line).RootElement.Clone();
                if (element.ValueKind == JsonValueKind.Object && !element.EnumerateObject().Any())
                {
                    await SendAsync("{}");
                    continue;
                }

                _pending.Enqueue(element);
            }
        }
    }

    /// <summary>Reads until the server closes the connection; returns the pushes seen before.</summary>
    public async Task<List<JsonElement>> ReadUntilClosedAsync()
    {
        var seen = new List<JsonElement>();
        while (await ReceiveAsync() is { } message)
        {
            seen.Add(message);
        }

        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server may already be gone.
            }
        }

        _socket.Dispose();
    }
}
