namespace K8sRelay.Testing.Engines;

/// <summary>
/// A thread-safe list of recorded events that tests can wait on. Waiting has a generous guard timeout that
/// only turns a hang into a clear failure; no assertion depends on how long anything took.
/// </summary>
/// <typeparam name="T">Event type.</typeparam>
public sealed class EventLog<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a wait may take before it fails the test.</summary>
    private static readonly TimeSpan GuardTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Appends an event and wakes waiters.</summary>
    public void Add(T item)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _items.Add(item);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>A copy of the events recorded so far, in arrival order.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. _items];
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events match <paramref name="match"/> and returns the matching ones.</summary>
    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, int count, string description)
    {
        using var guard = new CancellationTokenSource(GuardTimeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _items.Where(match).ToList();
                if (found.Count >= count)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(guard.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                var seen = _items.Count(match);
                throw new Xunit.Sdk.XunitException($"Waited {GuardTimeout.TotalSeconds:0} s for {count} × {description}, saw {seen}.");
            }
        }
    }
}
