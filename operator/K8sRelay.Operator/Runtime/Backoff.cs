namespace K8sRelay.Operator.Runtime;

/// <summary>Exponential backoff arithmetic.</summary>
public static class Backoff
{
    /// <summary><paramref name="min"/> doubled per failure after the first, capped at <paramref name="max"/>.</summary>
    public static TimeSpan Exponential(TimeSpan min, TimeSpan max, int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(max.Ticks, min.Ticks * (1L << Math.Min(exponent, 20)));
        return TimeSpan.FromTicks(Math.Max(min.Ticks, ticks));
    }
}
