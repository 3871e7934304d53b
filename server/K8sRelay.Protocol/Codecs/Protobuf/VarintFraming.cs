using Google.Protobuf;

namespace K8sRelay.Protocol.Codecs.Protobuf;

/// <summary>
/// Varint length-delimited framing of Protobuf messages (the layout of protobufjs
/// <c>encodeDelimited</c>): each message is preceded by its byte length as an unsigned varint.
/// </summary>
internal static class VarintFraming
{
    /// <summary>Largest message length accepted from a frame; longer prefixes are malformed.</summary>
    private const uint MaxMessageLength = int.MaxValue;

    /// <summary>Number of bytes the varint encoding of <paramref name="value"/> takes (1–5).</summary>
    public static int SizeOf(uint value) => CodedOutputStream.ComputeRawVarint32Size(value);

    /// <summary>Writes <paramref name="value"/> as a varint at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, uint value)
    {
        var written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    /// <summary>
    /// Splits the next length-delimited message off <paramref name="frame"/>, advancing it past the
    /// message. Fails on a truncated or over-long varint and on a length beyond the frame's end.
    /// </summary>
    /// <exception cref="ProtocolDecodeException">Malformed prefix or truncated message.</exception>
    public static ReadOnlySpan<byte> ReadMessage(ref ReadOnlySpan<byte> frame)
    {
        uint length = 0;
        var consumed = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (consumed == frame.Length)
            {
                throw new ProtocolDecodeException("truncated length prefix");
            }

            if (consumed == 5)
            {
                throw new ProtocolDecodeException("length prefix longer than 5 bytes");
            }

            var b = frame[consumed++];
            if (shift == 28 && b > 0x0F)
            {
                throw new ProtocolDecodeException("length prefix overflows 32 bits");
            }

            length |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (length > MaxMessageLength || length > (uint)(frame.Length - consumed))
        {
            throw new ProtocolDecodeException($"message length {length} exceeds the {frame.Length - consumed} bytes left in the frame");
        }

        var message = frame.Slice(consumed, (int)length);
        frame = frame[(consumed + (int)length)..];
        return message;
    }
}
