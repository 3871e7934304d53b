using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace K8sRelay.Server.Transports.WebSocket;

/// <summary>
/// Complete permessage-deflate WebSocket frames (header with RSV1 set, raw deflate payload without
/// context takeover), built once per message array and shared by every connection that sends the
/// same array. A publication is encoded once per protocol variant and that one array goes to every
/// subscriber, so its compressed frame is built once per publication, not once per connection.
/// Entries live as long as the message array does. Thread-safe.
/// </summary>
internal sealed class PreparedFrames
{
    private const byte FinalFrame = 0x80;
    private const byte CompressedFlag = 0x40;
    private const byte TextOpcode = 0x1;
    private const byte BinaryOpcode = 0x2;

    // The table may run its create callback more than once when writers race for the same message, so it stores
    // a lazy frame: only the lazy that wins the race is ever evaluated, and the frame is compressed exactly once.
    private readonly ConditionalWeakTable<byte[], Lazy<byte[]>> _textFrames = new();
    private readonly ConditionalWeakTable<byte[], Lazy<byte[]>> _binaryFrames = new();
    private readonly ConditionalWeakTable<byte[], Lazy<byte[]>>.CreateValueCallback _buildText;
    private readonly ConditionalWeakTable<byte[], Lazy<byte[]>>.CreateValueCallback _buildBinary;
    private readonly ZLibCompressionOptions _options;
    private long _built;

    /// <param name="compressionLevel">
    /// <c>websocket.compression_level</c>: 0 (stored) to 9 (best), -1 zlib's default, -2 Huffman-only.
    /// </param>
    public PreparedFrames(int compressionLevel)
    {
        _options = compressionLevel < -1
            ? new ZLibCompressionOptions { CompressionLevel = 1, CompressionStrategy = ZLibCompressionStrategy.HuffmanOnly }
            : new ZLibCompressionOptions { CompressionLevel = Math.Min(compressionLevel, 9) };
        _buildText = message => new Lazy<byte[]>(() => Build(message, text: true), LazyThreadSafetyMode.ExecutionAndPublication);
        _buildBinary = message => new Lazy<byte[]>(() => Build(message, text: false), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>How many frames were compressed so far (for tests and the benchmark).</summary>
    public long FramesBuilt => Interlocked.Read(ref _built);

    /// <summary>The compressed frame for a message, built on first use.</summary>
    public byte[] Get(byte[] message, bool text) =>
        (text ? _textFrames.GetValue(message, _buildText) : _binaryFrames.GetValue(message, _buildBinary)).Value;

    /// <summary>Compresses one message into a complete, unmasked server frame.</summary>
    internal byte[] Build(byte[] message, bool text)
    {
        Interlocked.Increment(ref _built);
        using var compressed = new MemoryStream(message.Length / 2 + 64);
        byte[] payload;
        using (var deflate = new DeflateStream(compressed, _options, leaveOpen: true))
        {
            deflate.Write(message);

            // A sync flush ends the data with 00 00 FF FF, which permessage-deflate leaves out.
            deflate.Flush();
            var length = (int)compressed.Length;
            var data = compressed.GetBuffer();
            if (length >= 4 && data[length - 4] == 0 && data[length - 3] == 0 && data[length - 2] == 0xFF && data[length - 1] == 0xFF)
            {
                length -= 4;
            }

            payload = data.AsSpan(0, length).ToArray();
        }

        return Frame(payload, text);
    }

    private static byte[] Frame(byte[] payload, bool text)
    {
        var headerLength = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[headerLength + payload.Length];
        frame[0] = (byte)(FinalFrame | CompressedFlag | (text ? TextOpcode : BinaryOpcode));
        if (headerLength == 2)
        {
            frame[1] = (byte)payload.Length;
        }
        else if (headerLength == 4)
        {
            frame[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }
        else
        {
            frame[1] = 127;
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
        }

        payload.CopyTo(frame, headerLength);
        return frame;
    }
}
