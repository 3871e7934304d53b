using System.Buffers;

namespace K8sRelay.Protocol.Codecs;

/// <content>Applying a delta, with the same checks as the client decoders.</content>
public static partial class FossilDelta
{
    /// <summary>
    /// Applies <paramref name="delta"/> to <paramref name="source"/> and returns the target. Verifies
    /// that every command stays inside the source, the delta and the announced size, that the output
    /// has exactly the announced size and that its checksum matches.
    /// </summary>
    /// <exception cref="InvalidDataException">The delta is malformed or does not match the source.</exception>
    public static byte[] Apply(ReadOnlySpan<byte> source, ReadOnlySpan<byte> delta)
    {
        var position = 0;
        var size = ReadCount(delta, ref position);
        if (position >= delta.Length || delta[position++] != (byte)'\n')
        {
            throw new InvalidDataException("delta size is not terminated by a newline");
        }

        var output = new ArrayBufferWriter<byte>(Math.Max(1, Math.Min(size, source.Length + delta.Length)));
        while (position < delta.Length)
        {
            var value = ReadInteger(delta, ref position);
            if (position >= delta.Length)
            {
                throw new InvalidDataException("delta ends inside a command");
            }

            switch (delta[position++])
            {
                case (byte)'@':
                    var count = CheckedCount(value);
                    var offset = ReadCount(delta, ref position);
                    if (position < delta.Length && delta[position++] != (byte)',')
                    {
                        throw new InvalidDataException("copy command is not terminated by ','");
                    }

                    if (count > size - output.WrittenCount)
                    {
                        throw new InvalidDataException("copy exceeds the announced output size");
                    }

                    if (offset > source.Length || count > source.Length - offset)
                    {
                        throw new InvalidDataException("copy extends past the end of the source");
                    }

                    output.Write(source.Slice(offset, count));
                    break;
                case (byte)':':
                    var length = CheckedCount(value);
                    if (length > size - output.WrittenCount)
                    {
                        throw new InvalidDataException("insert exceeds the announced output size");
                    }

                    if (length > delta.Length - position)
                    {
                        throw new InvalidDataException("insert extends past the end of the delta");
                    }

                    output.Write(delta.Slice(position, length));
                    position += length;
                    break;
                case (byte)';':
                    if (FossilDeltaFormat.Checksum(output.WrittenSpan) != value)
                    {
                        throw new InvalidDataException("delta checksum does not match the output");
                    }

                    if (output.WrittenCount != size)
                    {
                        throw new InvalidDataException("output size does not match the announced size");
                    }

                    return output.WrittenSpan.ToArray();
                default:
                    throw new InvalidDataException("unknown delta command");
            }
        }

        throw new InvalidDataException("delta has no terminating checksum");
    }

    /// <summary>Reads one base-64 integer (at least one digit) of at most 32 bits.</summary>
    private static uint ReadInteger(ReadOnlySpan<byte> delta, ref int position)
    {
        ulong value = 0;
        var start = position;
        while (position < delta.Length && FossilDeltaFormat.DigitValue(delta[position]) is var digit and >= 0)
        {
            value = (value << 6) | (uint)digit;
            if (value > uint.MaxValue)
            {
                throw new InvalidDataException("delta integer exceeds 32 bits");
            }

            position++;
        }

        if (position == start)
        {
            throw new InvalidDataException("delta integer expected");
        }

        return (uint)value;
    }

    private static int ReadCount(ReadOnlySpan<byte> delta, ref int position) => CheckedCount(ReadInteger(delta, ref position));

    private static int CheckedCount(uint value) =>
        value <= int.MaxValue ? (int)value : throw new InvalidDataException("delta count is too large");
}
