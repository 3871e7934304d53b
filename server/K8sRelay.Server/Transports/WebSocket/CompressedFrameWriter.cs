using System.Buffers;
using System.Net.WebSockets;

namespace K8sRelay.Server.Transports.WebSocket;

/// <summary>
/// The write path of a connection that negotiated permessage-deflate. Each message of at least
/// <c>websocket.compression_min_size</c> bytes goes out as its own prepared compressed frame, written
/// straight to the connection; smaller messages in between are joined (JSON with <c>\n</c>) into one
/// uncompressed frame sent through the WebSocket object. The caller holds the connection's send lock.
/// </summary>
internal sealed class CompressedFrameWriter
{
    private readonly SerializedWriteStream _stream;
    private readonly PreparedFrames _frames;
    private readonly int _minSize;

    public CompressedFrameWriter(SerializedWriteStream stream, PreparedFrames frames, int minSize)
    {
        _stream = stream;
        _frames = frames;
        _minSize = Math.Max(minSize, 1);
    }

    /// <summary>Writes one batch of messages.</summary>
    public async ValueTask WriteAsync(System.Net.WebSockets.WebSocket socket, IReadOnlyList<byte[]> messages, bool json, CancellationToken cancellationToken)
    {
        var small = new List<byte[]>();
        foreach (var message in messages)
        {
            if (message.Length < _minSize)
            {
                small.Add(message);
                continue;
            }

            await SendUncompressedAsync(socket, small, json, cancellationToken).ConfigureAwait(false);
            await _stream.WriteAsync(_frames.Get(message, json), cancellationToken).ConfigureAwait(false);
        }

        await SendUncompressedAsync(socket, small, json, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask SendUncompressedAsync(System.Net.WebSockets.WebSocket socket, List<byte[]> messages, bool json, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var type = json ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        const WebSocketMessageFlags Flags = WebSocketMessageFlags.EndOfMessage | WebSocketMessageFlags.DisableCompression;
        if (messages.Count == 1)
        {
            await socket.SendAsync(messages[0], type, Flags, cancellationToken).ConfigureAwait(false);
            messages.Clear();
            return;
        }

        var separator = json ? 1 : 0;
        var length = -separator;
        foreach (var message in messages)
        {
            length += message.Length + separator;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var position = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                if (i > 0 && json)
                {
                    buffer[position++] = (byte)'\n';
                }

                messages[i].CopyTo(buffer, position);
                position += messages[i].Length;
            }

            await socket.SendAsync(buffer.AsMemory(0, length), type, Flags, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            messages.Clear();
        }
    }
}
