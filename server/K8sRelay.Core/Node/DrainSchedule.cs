using K8sRelay.Configuration.Model;

namespace K8sRelay.Core.Node;

/// <summary>
/// How a node drains: for <see cref="Grace"/> it reports not ready but still accepts connections (load
/// balancers need a moment to stop routing to it), then it refuses new connections and disconnects its
/// clients with 3001 one after another, evenly over <see cref="Period"/>.
/// </summary>
/// <param name="Grace">Time between turning not ready and refusing new connections.</param>
/// <param name="Period">Time over which the disconnects are spread; zero disconnects everybody at once.</param>
public sealed record DrainSchedule(TimeSpan Grace, TimeSpan Period)
{
    /// <summary>The largest share of <c>shutdown.timeout</c> kept free after the last disconnect on shutdown.</summary>
    private static readonly TimeSpan MaxShutdownReserve = TimeSpan.FromSeconds(5);

    /// <summary>The drain asked for through the API: <c>shutdown.drain_grace</c> and <c>shutdown.drain_period</c> as set.</summary>
    public static DrainSchedule Requested(ShutdownConfig shutdown)
    {
        ArgumentNullException.ThrowIfNull(shutdown);
        return new DrainSchedule(NonNegative(shutdown.DrainGrace), NonNegative(shutdown.DrainPeriod));
    }

    /// <summary>
    /// The drain on shutdown: as <see cref="Requested"/>, shortened so that the last disconnect happens with
    /// a reserve of a fifth of <c>shutdown.timeout</c> (at most 5 s) left for the disconnects to finish and the
    /// host to stop. The grace gets at most a fifth of the timeout; the period gets what remains.
    /// </summary>
    public static DrainSchedule ForShutdown(ShutdownConfig shutdown)
    {
        ArgumentNullException.ThrowIfNull(shutdown);
        var timeout = NonNegative(shutdown.Timeout);
        var fifth = timeout / 5;
        var reserve = fifth < MaxShutdownReserve ? fifth : MaxShutdownReserve;
        var grace = Min(NonNegative(shutdown.DrainGrace), fifth);
        var period = Min(NonNegative(shutdown.DrainPeriod), NonNegative(timeout - reserve - grace));
        return new DrainSchedule(grace, period);
    }

    /// <summary>When the <paramref name="index"/>-th of <paramref name="count"/> clients is due, measured from the end of the grace.</summary>
    public TimeSpan DueAfter(int index, int count) =>
        count <= 0 || Period <= TimeSpan.Zero ? TimeSpan.Zero : Period * index / count;

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
