using System.Buffers;
using System.Buffers.Binary;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// The building blocks of the Fossil delta text format: unsigned integers written most significant
/// digit first in base 64 over the digit alphabet <c>0-9 A-Z _ a-z ~</c>, and the 32-bit checksum
/// that ends every delta.
/// </summary>
internal static class FossilDeltaFormat
{
    /// <summary>The 64 digits, in value order.</summary>
    public static ReadOnlySpan<byte> Digits => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~"u8;

    /// <summary>Number of digits <paramref name="value"/> takes (zero takes one).</summary>
    public static int DigitCount(uint value)
    {
        var count = 1;
        while (value >= 64)
        {
            value >>= 6;
            count++;
        }

        return count;
    }

    /// <summary>Appends <paramref name="value"/> in the delta's base-64 digits.</summary>
    public static void WriteInteger(IBufferWriter<byte> output, uint value)
    {
        var count = DigitCount(value);
        var span = output.GetSpan(count);
        for (var i = count - 1; i >= 0; i--)
        {
            span[i] = Digits[(int)(value & 63)];
            value >>= 6;
        }

        output.Advance(count);
    }

    /// <summary>Value of one digit character, or -1 when the byte is not a digit.</summary>
    public static int DigitValue(byte character) => character switch
    {
        >= (byte)'0' and <= (byte)'9' => character - '0',
        >= (byte)'A' and <= (byte)'Z' => character - 'A' + 10,
        (byte)'_' => 36,
        >= (byte)'a' and <= (byte)'z' => character - 'a' + 37,
        (byte)'~' => 63,
        _ => -1,
    };

    /// <summary>
    /// Checksum of <paramref name="data"/>: the sum, modulo 2^32, of the data read as big-endian
    /// 32-bit words, the last partial word padded with zero bytes.
    /// </summary>
    public static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        var shift = 24;
        for (; i < data.Length; i++, shift -= 8)
        {
            sum += (uint)data[i] << shift;
        }

        return sum;
    }
}
