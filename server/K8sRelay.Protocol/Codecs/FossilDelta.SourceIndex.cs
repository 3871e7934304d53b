using System.Buffers;

namespace K8sRelay.Protocol.Codecs;

/// <content>The hash index over the source's blocks and the rolling hash used to probe it.</content>
public static partial class FossilDelta
{
    /// <summary>
    /// Maps the hash of every aligned <see cref="BlockSize"/>-byte block of the source to the blocks
    /// with that hash (a chain per bucket). Arrays are pooled; call <see cref="Return"/> when done.
    /// </summary>
    private readonly struct SourceIndex
    {
        private readonly int[] _firstBlockOfBucket;
        private readonly int[] _nextBlockInBucket;
        private readonly int _bucketCount;

        private SourceIndex(int[] firstBlockOfBucket, int[] nextBlockInBucket, int bucketCount)
        {
            _firstBlockOfBucket = firstBlockOfBucket;
            _nextBlockInBucket = nextBlockInBucket;
            _bucketCount = bucketCount;
        }

        public static SourceIndex Build(ReadOnlySpan<byte> source, int blockCount)
        {
            var first = ArrayPool<int>.Shared.Rent(blockCount);
            var next = ArrayPool<int>.Shared.Rent(blockCount);
            first.AsSpan(0, blockCount).Fill(-1);
            for (var block = 0; block < blockCount; block++)
            {
                var bucket = (int)(RollingHash.Of(source.Slice(block * BlockSize, BlockSize)).Value % (uint)blockCount);
                next[block] = first[bucket];
                first[bucket] = block;
            }

            return new SourceIndex(first, next, blockCount);
        }

        /// <summary>First block whose hash falls in the bucket of <paramref name="hash"/>, or -1.</summary>
        public int First(uint hash) => _firstBlockOfBucket[(int)(hash % (uint)_bucketCount)];

        /// <summary>The block after <paramref name="block"/> in its bucket, or -1.</summary>
        public int Next(int block) => _nextBlockInBucket[block];

        public void Return()
        {
            ArrayPool<int>.Shared.Return(_firstBlockOfBucket);
            ArrayPool<int>.Shared.Return(_nextBlockInBucket);
        }
    }

    /// <summary>
    /// A hash of a <see cref="BlockSize"/>-byte window that can slide one byte in constant time: the
    /// plain sum of the window's bytes and a position-weighted sum (the first byte weighs
    /// <see cref="BlockSize"/>, the last weighs 1), 16 bits of each.
    /// </summary>
    private struct RollingHash
    {
        private uint _sum;
        private uint _weightedSum;

        public readonly uint Value => (_sum & 0xFFFF) | (_weightedSum << 16);

        public static RollingHash Of(ReadOnlySpan<byte> window)
        {
            var hash = default(RollingHash);
            for (var i = 0; i < window.Length; i++)
            {
                hash._sum += window[i];
                hash._weightedSum += (uint)(BlockSize - i) * window[i];
            }

            return hash;
        }

        /// <summary>Slides the window one byte: <paramref name="leaving"/> drops out, <paramref name="entering"/> comes in.</summary>
        public void Roll(byte leaving, byte entering)
        {
            _sum = _sum - leaving + entering;
            _weightedSum = _weightedSum - (BlockSize * (uint)leaving) + _sum;
        }
    }
}
