namespace K8sRelay.Core.Hub;

/// <summary>
/// The local subscribers of one channel. Changes take a lock; broadcasts read a cached array that is
/// rebuilt lazily after a change, so a burst of subscribes costs one rebuild, not one copy each.
/// </summary>
internal sealed class ChannelSubscribers
{
    private readonly Dictionary<string, ISubscriber> _byClient = new(StringComparer.Ordinal);
    private ISubscriber[]? _snapshot;

    /// <summary>Number of subscribers.</summary>
    public int Count
    {
        get
        {
            lock (_byClient)
            {
                return _byClient.Count;
            }
        }
    }

    /// <summary>Adds a subscriber; returns false when the client is already subscribed.</summary>
    public bool Add(ISubscriber subscriber)
    {
        lock (_byClient)
        {
            if (!_byClient.TryAdd(subscriber.ClientId, subscriber))
            {
                return false;
            }

            _snapshot = null;
            return true;
        }
    }

    /// <summary>Removes a client's subscriber; returns the number left, or -1 when it was not there.</summary>
    public int Remove(string clientId)
    {
        lock (_byClient)
        {
            if (!_byClient.Remove(clientId))
            {
                return -1;
            }

            _snapshot = null;
            return _byClient.Count;
        }
    }

    /// <summary>The current subscribers (a shared array: do not modify).</summary>
    public ISubscriber[] Snapshot()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            return snapshot;
        }

        lock (_byClient)
        {
            return _snapshot ??= [.. _byClient.Values];
        }
    }
}
