using System.Text;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// Maps a channel to one of N shards with Jump consistent hash (Lamping and Veach) over the 64-bit FNV-1a hash of
/// the channel's UTF-8 bytes, so adding a shard moves only about 1/N of the channels. Stateless and thread-safe.
/// </summary>
internal static class ShardSelector
{
    /// <summary>Shard index of <paramref name="channel"/> among <paramref name="shardCount"/> shards.</summary>
    public static int Select(string channel, int shardCount) =>
        shardCount == 1 ? 0 : JumpHash(Fnv1A(channel), shardCount);

    /// <summary>Jump consistent hash: a bucket in [0, buckets) for <paramref name="key"/>.</summary>
    public static int JumpHash(ulong key, int buckets)
    {
        long bucket = -1;
        long next = 0;
        while (next < buckets)
        {
            bucket = next;
            key = unchecked((key * 2862933555777941757UL) + 1);
            next = (long)((bucket + 1) * ((double)(1L << 31) / ((key >> 33) + 1)));
        }

        return (int)bucket;
    }

    private static ulong Fnv1A(string text)
    {
        Span<byte> stack = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = max <= stack.Length ? stack : new byte[max];
        var length = Encoding.UTF8.GetBytes(text, bytes);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes[..length])
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }
}
