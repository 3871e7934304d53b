namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>
/// The system clock plus an offset tests can move forward. Timers and timestamps stay real, so the engine's
/// reconnect checks keep running while presence expiry times can be made to pass.
/// </summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
