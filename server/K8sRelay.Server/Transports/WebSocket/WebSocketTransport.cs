using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using K8sRelay.Core.Transports;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;

namespace K8sRelay.Server.Transports.WebSocket;

/// <summary>
/// The bidirectional WebSocket transport: one frame per write batch (JSON messages joined by
/// <c>\n</c> in a text frame, Protobuf messages concatenated in a binary frame), disconnects as
/// close frames with the code and a plain-text reason.
/// </summary>
internal sealed class WebSocketTransport : ITransport, IDisposable
{
    private const int MaxCloseReasonBytes = 123;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a close waits for a write in flight (a slow client may still drain it).</summary>
    private static readonly TimeSpan PendingWriteTimeout = TimeSpan.FromSeconds(10);

    private readonly System.Net.WebSockets.WebSocket _socket;
    private readonly CompressedFrameWriter? _compressed;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private int _closed;

    /// <param name="socket">The accepted WebSocket.</param>
    /// <param name="protocol">Encoding of the connection.</param>
    /// <param name="compressed">The prepared-frame writer when the connection negotiated permessage-deflate.</param>
    public WebSocketTransport(System.Net.WebSockets.WebSocket socket, ProtocolType protocol, CompressedFrameWriter? compressed = null)
    {
        _socket = socket;
        Protocol = protocol;
        _compressed = compressed;
    }

    /// <inheritdoc />
    public string Name => "websocket";

    /// <inheritdoc />
    public ProtocolType Protocol { get; }

    /// <inheritdoc />
    public bool Unidirectional => false;

    /// <inheritdoc />
    public bool Emulation => false;

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        var type = Protocol == ProtocolType.Json ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_compressed is not null)
            {
                await _compressed.WriteAsync(_socket, messages, Protocol == ProtocolType.Json, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (messages.Count == 1)
            {
                await _socket.SendAsync(messages[0], type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                return;
            }

            var separator = Protocol == ProtocolType.Json ? 1 : 0;
            var length = 0;
            foreach (var message in messages)
            {
                length += message.Length + separator;
            }

            length -= separator;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var position = 0;
                for (var i = 0; i < messages.Count; i++)
                {
                    if (i > 0 && separator == 1)
                    {
                        buffer[position++] = (byte)'\n';
                    }

                    messages[i].CopyTo(buffer, position);
                    position += messages[i].Length;
                }

                await _socket.SendAsync(buffer.AsMemory(0, length), type, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
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
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(PendingWriteTimeout + CloseHandshakeTimeout);
        try
        {
            if (!await _sendLock.WaitAsync(PendingWriteTimeout).ConfigureAwait(false))
            {
                _socket.Abort();
                return;
            }

            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)disconnect.Code, TrimReason(disconnect.Reason), timeout.Token).ConfigureAwait(false);
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

        // The read loop ends when the client answers the close; give up waiting after a while.
        _ = AbortLaterAsync();
    }

    private async Task AbortLaterAsync()
    {
        await Task.Delay(CloseHandshakeTimeout).ConfigureAwait(false);
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sendLock.Dispose();

    /// <summary>Cuts a close reason to the 123 bytes a close frame has room for, on a UTF-8 character boundary.</summary>
    internal static string TrimReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var bytes = Encoding.UTF8.GetBytes(reason);
        var length = MaxCloseReasonBytes;
        while (length > 0 && (bytes[length] & 0xC0) == 0x80)
        {
            length--;
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
