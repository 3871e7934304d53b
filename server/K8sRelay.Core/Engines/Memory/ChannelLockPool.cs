namespace K8sRelay.Core.Engines.Memory;

/// <summary>
/// A fixed pool of locks shared by channels: a channel always maps to the same lock, so work on one channel is
/// serialized while different channels rarely contend. Thread-safe.
/// </summary>
internal sealed class ChannelLockPool
{
    private readonly Lock[] _locks;
    private readonly int _mask;

    /// <summary>Creates a pool of <paramref name="size"/> locks; the size is rounded up to a power of two.</summary>
    public ChannelLockPool(int size = 1024)
    {
        var count = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, size));
        _locks = new Lock[count];
        for (var i = 0; i < count; i++)
        {
            _locks[i] = new Lock();
        }

        _mask = count - 1;
    }

    /// <summary>The lock that guards <paramref name="channel"/>.</summary>
    public Lock For(string channel) => _locks[channel.GetHashCode() & _mask];
}
