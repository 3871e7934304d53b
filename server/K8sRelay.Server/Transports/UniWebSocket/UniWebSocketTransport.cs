using System.Net.WebSockets;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Transports;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Http;
using K8sRelay.Server.Transports.WebSocket;

namespace K8sRelay.Server.Transports.UniWebSocket;

/// <summary>
/// The unidirectional WebSocket transport: bare JSON pushes in text frames, one per frame, or joined
/// by <c>\n</c> with <c>join_push_messages</c>. A close sends a <c>disconnect</c> push (unless
/// <c>disable_disconnect_push</c>) and then a close frame with the code and reason (unless
/// <c>disable_closing_handshake</c>, which drops the connection instead).
/// </summary>
internal sealed class UniWebSocketTransport : ITransport, IDisposable
{
    private static readonly TimeSpan CloseWriteTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly System.Net.WebSockets.WebSocket _socket;
    private readonly UniWebsocketConfig _settings;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _closed;

    public UniWebSocketTransport(System.Net.WebSockets.WebSocket socket, UniWebsocketConfig settings)
    {
        _socket = socket;
        _settings = settings;
    }

    /// <inheritdoc />
    public string Name => "uni_websocket";

    /// <inheritdoc />
    public ProtocolType Protocol => ProtocolType.Json;

    /// <inheritdoc />
    public bool Unidirectional => true;

    /// <inheritdoc />
    public bool Emulation => false;

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_settings.JoinPushMessages && messages.Count > 1)
            {
                await SendAsync(Join(messages), cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var message in messages)
            {
                await SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask CloseAsync(DisconnectReason disconnect)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1 || _socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseWriteTimeout + CloseHandshakeTimeout);
        try
        {
            if (!await _sendLock.WaitAsync(CloseWriteTimeout).ConfigureAwait(false))
            {
                _socket.Abort();
                return;
            }

            try
            {
                if (!_settings.DisableDisconnectPush && disconnect != DisconnectReason.ConnectionClosed)
                {
                    var push = ClientCodecs.Json.EncodePush(UnidirectionalFailures.DisconnectPush(disconnect));
                    await SendAsync(push, timeout.Token).ConfigureAwait(false);
                }

                if (_settings.DisableClosingHandshake)
                {
                    _socket.Abort();
                    return;
                }

                await _socket.CloseOutputAsync((WebSocketCloseStatus)disconnect.Code, WebSocketTransport.TrimReason(disconnect.Reason), timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
            return;
        }

        _ = AbortLaterAsync();
    }

    /// <inheritdoc />
    public void Dispose() => _sendLock.Dispose();

    private ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var flags = WebSocketMessageFlags.EndOfMessage;
        if (_settings.Compression && message.Length < _settings.CompressionMinSize)
        {
            flags |= WebSocketMessageFlags.DisableCompression;
        }

        return _socket.SendAsync(message, WebSocketMessageType.Text, flags, cancellationToken);
    }

    private static byte[] Join(IReadOnlyList<byte[]> messages)
    {
        var length = messages.Count - 1;
        foreach (var message in messages)
        {
            length += message.Length;
        }

        var joined = new byte[length];
        var position = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (i > 0)
            {
                joined[position++] = (byte)'\n';
            }

            messages[i].CopyTo(joined, position);
            position += messages[i].Length;
        }

        return joined;
    }

    private async Task AbortLaterAsync()
    {
        await Task.Delay(CloseHandshakeTimeout).ConfigureAwait(false);
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }
    }
}
