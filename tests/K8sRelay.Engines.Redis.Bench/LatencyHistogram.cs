namespace K8sRelay.Engines.Redis.Bench;

/// <summary>Latency counts in 10 µs buckets up to 2 s (larger values land in the last bucket). Thread-safe.</summary>
internal sealed class LatencyHistogram
{
    private const double BucketMicroseconds = 10;
    private readonly long[] _buckets = new long[200_000];
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Record(TimeSpan latency)
    {
        var index = (int)Math.Clamp(latency.TotalMicroseconds / BucketMicroseconds, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[index]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Latency at quantile <paramref name="q"/> (0..1) in milliseconds.</summary>
    public double Percentile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return (i + 1) * BucketMicroseconds / 1000.0;
            }
        }

        return _buckets.Length * BucketMicroseconds / 1000.0;
    }
}
