using System.Text;

namespace K8sRelay.Engines.Messages;

/// <summary>Reads what <see cref="PayloadWriter"/> wrote. Throws <see cref="FormatException"/> on malformed input.</summary>
internal ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public PayloadReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    public byte ReadByte()
    {
        if (_position >= _buffer.Length)
        {
            throw new FormatException("Payload ended early.");
        }

        return _buffer[_position++];
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("Varint too long.");
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadSpan(checked((int)ReadVarint())));

    public byte[] ReadBytes() => ReadSpan(checked((int)ReadVarint())).ToArray();

    public byte[]? ReadNullableBytes()
    {
        var length = ReadVarint();
        return length == 0 ? null : ReadSpan(checked((int)(length - 1))).ToArray();
    }

    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        if (length < 0 || length > Remaining)
        {
            throw new FormatException("Payload ended early.");
        }

        var span = _buffer.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Reads ASCII digits up to <paramref name="terminator"/> (consumed) as a number.</summary>
    public ulong ReadDecimalUntil(byte terminator)
    {
        ulong value = 0;
        var digits = 0;
        while (true)
        {
            var b = ReadByte();
            if (b == terminator)
            {
                return digits == 0 ? throw new FormatException("Number expected.") : value;
            }

            if (b is < (byte)'0' or > (byte)'9')
            {
                throw new FormatException("Digit expected.");
            }

            value = checked((value * 10) + (ulong)(b - '0'));
            digits++;
        }
    }

    /// <summary>Reads ASCII text up to <paramref name="terminator"/> (consumed).</summary>
    public string ReadAsciiUntil(byte terminator)
    {
        var end = _buffer[_position..].IndexOf(terminator);
        if (end < 0)
        {
            throw new FormatException("Separator expected.");
        }

        var text = end == 0 ? string.Empty : Encoding.ASCII.GetString(_buffer.Slice(_position, end));
        _position += end + 1;
        return text;
    }
}
