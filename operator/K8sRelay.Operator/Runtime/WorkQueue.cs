namespace K8sRelay.Operator.Runtime;

/// <summary>
/// A de-duplicating queue of object keys with per-key serialization: a key is handed to at most one worker at a
/// time; adding a key while it is processed marks it to run again once <see cref="Done"/> is called. Delayed adds
/// use the <see cref="TimeProvider"/>; the earliest pending delay of a key wins.
/// </summary>
public sealed class WorkQueue : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<ObjectKey> _ready = new();
    private readonly HashSet<ObjectKey> _queued = [];
    private readonly HashSet<ObjectKey> _processing = [];
    private readonly Dictionary<ObjectKey, (DateTimeOffset Due, ITimer Timer)> _delayed = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private readonly Action<int>? _depthChanged;
    private bool _shutDown;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="time">Clock for delayed adds.</param>
    /// <param name="depthChanged">Called with the number of waiting keys whenever it changes.</param>
    public WorkQueue(TimeProvider time, Action<int>? depthChanged = null)
    {
        _time = time;
        _depthChanged = depthChanged;
    }

    /// <summary>Keys waiting to be processed.</summary>
    public int Depth
    {
        get
        {
            lock (_lock)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>Adds a key now; a key already waiting is not added twice.</summary>
    public void Add(ObjectKey key)
    {
        int depth;
        lock (_lock)
        {
            if (_shutDown || !_queued.Add(key))
            {
                return;
            }

            if (!_processing.Contains(key))
            {
                _ready.Enqueue(key);
                _available.Release();
            }

            depth = _queued.Count;
        }

        _depthChanged?.Invoke(depth);
    }

    /// <summary>Adds a key after <paramref name="delay"/>, unless an earlier delayed add of the key is pending.</summary>
    public void AddAfter(ObjectKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shutDown)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_delayed.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            var timer = _time.CreateTimer(_ => Fire(key), null, delay, Timeout.InfiniteTimeSpan);
            _delayed[key] = (due, timer);
        }
    }

    /// <summary>Waits for the next key; returns null once the queue is shut down.</summary>
    public async Task<ObjectKey?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            int depth;
            ObjectKey key;
            lock (_lock)
            {
                if (_shutDown)
                {
                    return null;
                }

                if (!_ready.TryDequeue(out key))
                {
                    continue;
                }

                _queued.Remove(key);
                _processing.Add(key);
                depth = _queued.Count;
            }

            _depthChanged?.Invoke(depth);
            return key;
        }
    }

    /// <summary>Marks a key as processed; if it was added meanwhile, it becomes ready again.</summary>
    public void Done(ObjectKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (_queued.Contains(key) && !_shutDown)
            {
                _ready.Enqueue(key);
                _available.Release();
            }
        }
    }

    /// <summary>Stops handing out keys and cancels pending delayed adds; waiting takers return null.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            foreach (var (_, timer) in _delayed.Values)
            {
                timer.Dispose();
            }

            _delayed.Clear();
            _available.Release(1024);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }

    private void Fire(ObjectKey key)
    {
        lock (_lock)
        {
            if (_delayed.Remove(key, out var pending))
            {
                pending.Timer.Dispose();
            }
        }

        Add(key);
    }
}
