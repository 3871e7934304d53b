namespace K8sRelay.Core.Timing;

/// <summary>
/// One shared timer for many connections (pings, pong deadlines, stale and expiry checks), so no
/// connection owns a timer of its own. Entries go into one-second slots of a ring; a single
/// periodic tick fires every entry whose time has come. Resolution is one tick (1 s by default).
/// Thread-safe.
/// </summary>
public sealed class TimerWheel : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly long _tickMs;
    private readonly Slot[] _slots;
    private readonly ITimer _timer;
    private long _lastProcessedTick;
    private int _ticking;

    /// <param name="time">Clock used for due times and the periodic tick.</param>
    /// <param name="tick">Resolution; 1 second by default.</param>
    /// <param name="slotCount">Ring size; entries further away than slotCount ticks wait for later rounds.</param>
    public TimerWheel(TimeProvider time, TimeSpan? tick = null, int slotCount = 128)
    {
        _time = time;
        _tickMs = (long)(tick ?? TimeSpan.FromSeconds(1)).TotalMilliseconds;
        _slots = new Slot[slotCount];
        for (var i = 0; i < slotCount; i++)
        {
            _slots[i] = new Slot();
        }

        _lastProcessedTick = NowMs() / _tickMs;
        _timer = time.CreateTimer(static s => ((TimerWheel)s!).Tick(), this, TimeSpan.FromMilliseconds(_tickMs), TimeSpan.FromMilliseconds(_tickMs));
    }

    /// <summary>Milliseconds on the wheel's clock (monotonic).</summary>
    public long NowMs() => (long)(_time.GetTimestamp() * 1000.0 / _time.TimestampFrequency);

    /// <summary>Schedules <paramref name="target"/> to be called with <paramref name="kind"/> after <paramref name="delay"/>.</summary>
    public void Schedule(ITimerTarget target, int kind, TimeSpan delay)
    {
        var due = NowMs() + Math.Max(0, (long)delay.TotalMilliseconds);
        var slot = _slots[(int)((due / _tickMs) % _slots.Length)];
        lock (slot)
        {
            slot.Entries.Add(new Entry(target, kind, due));
        }
    }

    /// <summary>Fires due entries now (the periodic timer calls this; tests may too).</summary>
    public void Tick()
    {
        if (Interlocked.Exchange(ref _ticking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = NowMs();
            var currentTick = now / _tickMs;
            var first = _lastProcessedTick;
            var ticks = Math.Min(currentTick - first + 1, _slots.Length);
            for (long t = 0; t < ticks; t++)
            {
                FireSlot(_slots[(int)((first + t) % _slots.Length)], now);
            }

            _lastProcessedTick = currentTick;
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    private static void FireSlot(Slot slot, long now)
    {
        List<Entry>? due = null;
        lock (slot)
        {
            var entries = slot.Entries;
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i].DueMs <= now)
                {
                    (due ??= []).Add(entries[i]);
                    entries[i] = entries[^1];
                    entries.RemoveAt(entries.Count - 1);
                }
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var entry in due)
        {
            try
            {
                entry.Target.OnTimer(entry.Kind);
            }
            catch (Exception)
            {
                // Targets must not throw; one faulty target must not stop the others.
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _timer.DisposeAsync();

    private readonly record struct Entry(ITimerTarget Target, int Kind, long DueMs);

    private sealed class Slot
    {
        public List<Entry> Entries { get; } = [];
    }
}
