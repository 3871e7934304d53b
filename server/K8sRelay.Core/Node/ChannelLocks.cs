namespace K8sRelay.Core.Node;

/// <summary>
/// Striped async locks keyed by channel, so broker subscribe/unsubscribe calls for one channel
/// happen in order while different channels proceed in parallel.
/// </summary>
internal sealed class ChannelLocks
{
    private readonly SemaphoreSlim[] _locks;

    public ChannelLocks(int stripes = 256)
    {
        _locks = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _locks[i] = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>The lock for a channel.</summary>
    public SemaphoreSlim For(string channel) =>
        _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(channel) % (uint)_locks.Length)];
}
