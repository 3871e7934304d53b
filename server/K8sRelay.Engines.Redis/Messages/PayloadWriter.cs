using System.Text;

namespace K8sRelay.Engines.Messages;

/// <summary>
/// Writes the engine's compact binary layout into a span sized beforehand with the matching <c>Size</c> methods:
/// unsigned LEB128 varints, length-prefixed UTF-8 strings and byte strings (null encoded as length 0, others as
/// length + 1).
/// </summary>
internal ref struct PayloadWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public PayloadWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    public static int SizeOfVarint(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    public static int SizeOfString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        return SizeOfVarint((ulong)length) + length;
    }

    public static int SizeOfNullableBytes(byte[]? value) =>
        value is null ? 1 : SizeOfVarint((ulong)value.Length + 1) + value.Length;

    public void WriteByte(byte value) => _buffer[_position++] = value;

    public void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_position++] = (byte)value;
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)length);
        _position += Encoding.UTF8.GetBytes(value, _buffer[_position..]);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteNullableBytes(byte[]? value)
    {
        if (value is null)
        {
            WriteVarint(0);
            return;
        }

        WriteVarint((ulong)value.Length + 1);
        WriteRaw(value);
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[_position..]);
        _position += value.Length;
    }
}
