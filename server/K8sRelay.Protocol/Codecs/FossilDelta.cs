using System.Buffers;
using System.Text.Unicode;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// Fossil SCM deltas, the format centrifuge-js decodes for <c>delta:"fossil"</c> subscriptions.
/// A delta is the target length and <c>\n</c>, then commands — copy <c>count@offset,</c> (bytes from
/// the source) and insert <c>count:bytes</c> (literal bytes) — and finally <c>checksum;</c> over the
/// whole target. Integers use base-64 digits <c>0-9 A-Z _ a-z ~</c>. Thread-safe.
/// </summary>
public static partial class FossilDelta
{
    /// <summary>Width of the source blocks that are indexed and of the rolling window over the target.</summary>
    private const int BlockSize = 16;

    /// <summary>How many source blocks sharing one hash are compared before giving up.</summary>
    private const int MaxCandidatesPerPosition = 250;

    /// <summary>
    /// Creates a delta that turns <paramref name="source"/> into <paramref name="target"/>. When the
    /// target is valid UTF-8, every copy starts and ends on a character boundary, so the delta itself is
    /// valid UTF-8 and survives being sent as a JSON string. The delta can be larger than the target;
    /// callers compare lengths and send the full payload when it is not smaller.
    /// </summary>
    public static byte[] Create(ReadOnlySpan<byte> source, ReadOnlySpan<byte> target)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(64, target.Length / 2));
        FossilDeltaFormat.WriteInteger(output, (uint)target.Length);
        output.Write("\n"u8);

        var blockCount = source.Length / BlockSize;
        if (blockCount == 0 || target.Length <= BlockSize)
        {
            WriteInsert(output, target);
        }
        else
        {
            var index = SourceIndex.Build(source, blockCount);
            try
            {
                WriteCommands(output, source, target, index, alignToCharacters: Utf8.IsValid(target));
            }
            finally
            {
                index.Return();
            }
        }

        FossilDeltaFormat.WriteInteger(output, FossilDeltaFormat.Checksum(target));
        output.Write(";"u8);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteCommands(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> source, ReadOnlySpan<byte> target, SourceIndex index, bool alignToCharacters)
    {
        // Everything before 'start' has been written to the delta already.
        var start = 0;
        while (start + BlockSize < target.Length)
        {
            var window = 0;
            var hash = RollingHash.Of(target.Slice(start, BlockSize));
            var found = false;
            while (true)
            {
                var best = default(Match);
                var candidates = MaxCandidatesPerPosition;
                for (var block = index.First(hash.Value); block >= 0 && candidates-- > 0; block = index.Next(block))
                {
                    var match = Measure(source, target, block * BlockSize, start, start + window, alignToCharacters);
                    if (match.Length > best.Length && match.Length >= match.EncodedCost(start))
                    {
                        best = match;
                    }
                }

                if (best.Length > 0)
                {
                    WriteInsert(output, target[start..best.TargetStart]);
                    FossilDeltaFormat.WriteInteger(output, (uint)best.Length);
                    output.Write("@"u8);
                    FossilDeltaFormat.WriteInteger(output, (uint)best.SourceStart);
                    output.Write(","u8);
                    start = best.TargetStart + best.Length;
                    found = true;
                    break;
                }

                if (start + window + BlockSize >= target.Length)
                {
                    break;
                }

                hash.Roll(target[start + window], target[start + window + BlockSize]);
                window++;
            }

            if (!found)
            {
                break;
            }
        }

        WriteInsert(output, target[start..]);
    }

    /// <summary>
    /// Measures the common run around a candidate: forward from the window position, and backward as
    /// far as the first target byte not yet written. With <paramref name="alignToCharacters"/> the run is
    /// trimmed so it neither starts nor ends inside a UTF-8 character of the target.
    /// </summary>
    private static Match Measure(ReadOnlySpan<byte> source, ReadOnlySpan<byte> target, int sourcePosition, int written, int targetPosition, bool alignToCharacters)
    {
        var forward = source[sourcePosition..].CommonPrefixLength(target[targetPosition..]);
        var backward = 0;
        while (backward < sourcePosition && targetPosition - backward > written
            && source[sourcePosition - backward - 1] == target[targetPosition - backward - 1])
        {
            backward++;
        }

        var targetStart = targetPosition - backward;
        var sourceStart = sourcePosition - backward;
        var targetEnd = targetPosition + forward;
        if (alignToCharacters)
        {
            while (targetStart < targetEnd && IsContinuationByte(target[targetStart]))
            {
                targetStart++;
                sourceStart++;
            }

            while (targetEnd > targetStart && targetEnd < target.Length && IsContinuationByte(target[targetEnd]))
            {
                targetEnd--;
            }
        }

        return new Match(sourceStart, targetStart, targetEnd - targetStart);
    }

    private static bool IsContinuationByte(byte value) => (value & 0xC0) == 0x80;

    private static void WriteInsert(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> literal)
    {
        if (literal.IsEmpty)
        {
            return;
        }

        FossilDeltaFormat.WriteInteger(output, (uint)literal.Length);
        output.Write(":"u8);
        output.Write(literal);
    }

    /// <summary>A run of <see cref="Length"/> bytes that the target shares with the source.</summary>
    private readonly record struct Match(int SourceStart, int TargetStart, int Length)
    {
        /// <summary>Delta bytes needed to express this match: the literal before it plus the copy command.</summary>
        public int EncodedCost(int written)
        {
            var literal = TargetStart - written;
            var insertCost = literal == 0 ? 0 : FossilDeltaFormat.DigitCount((uint)literal) + 1;
            return insertCost + FossilDeltaFormat.DigitCount((uint)Length) + FossilDeltaFormat.DigitCount((uint)SourceStart) + 2;
        }
    }
}
