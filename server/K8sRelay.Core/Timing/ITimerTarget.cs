namespace K8sRelay.Core.Timing;

/// <summary>Something a <see cref="TimerWheel"/> calls back when its scheduled time comes.</summary>
public interface ITimerTarget
{
    /// <summary>
    /// Called on the wheel's thread when an entry of <paramref name="kind"/> is due. Must be quick
    /// and not throw; schedule work elsewhere if it is long. Entries cannot be cancelled: the target
    /// checks whether the event still matters (lazy cancellation).
    /// </summary>
    void OnTimer(int kind);
}
