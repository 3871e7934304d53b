using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace K8sRelay.LoadGenerator;

/// <summary>
/// A minimal WebSocket client on a raw socket: upgrade handshake, masked text frames out, and a
/// drain loop that discards whatever the server sends. Far lighter than ClientWebSocket, so one
/// process can hold many thousands of connections.
/// </summary>
internal static class RawWebSocketClient
{
    public static async Task<Socket> ConnectAsync(Uri url, string? firstMessage, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(url.Host, url.Port, cancellationToken).ConfigureAwait(false);
        var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Host}:{url.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[1024];
        var received = 0;
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(received), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("server closed during the handshake");
            }

            received += n;
            var text = Encoding.ASCII.GetString(buffer, 0, received);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                if (!text.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
                {
                    throw new IOException("upgrade refused: " + text.Split('\r')[0]);
                }

                break;
            }
        }

        if (firstMessage is not null)
        {
            await socket.SendAsync(MaskedTextFrame(firstMessage), cancellationToken).ConfigureAwait(false);
        }

        return socket;
    }

    /// <summary>Reads and discards everything; returns when the connection closes.</summary>
    public static async Task DrainAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        try
        {
            while (await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static byte[] MaskedTextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var header = payload.Length < 126 ? 2 : 4;
        var frame = new byte[header + 4 + payload.Length];
        frame[0] = 0x81;
        if (payload.Length < 126)
        {
            frame[1] = (byte)(0x80 | payload.Length);
        }
        else
        {
            frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }

        var mask = new byte[] { 0x12, 0x34, 0x56, 0x78 };
        mask.CopyTo(frame, header);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[header + 4 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }

        return frame;
    }
}
