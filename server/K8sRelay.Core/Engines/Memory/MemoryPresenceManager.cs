using System.Collections.Concurrent;

namespace K8sRelay.Core.Engines.Memory;

/// <summary>
/// In-process <see cref="IPresenceManager"/>. Entries live until removed (no expiry: the node removes a
/// client when it unsubscribes or disconnects, and a process restart loses everything anyway).
/// Thread-safe; work on one channel is serialized by a pooled channel lock.
/// </summary>
public sealed class MemoryPresenceManager : IPresenceManager
{
    private static readonly IReadOnlyDictionary<string, ClientInfo> Empty = new Dictionary<string, ClientInfo>();
    private readonly ConcurrentDictionary<string, ChannelPresence> _channels = new(StringComparer.Ordinal);
    private readonly ChannelLockPool _locks = new();

    /// <inheritdoc />
    public ValueTask AddPresenceAsync(string channel, string clientId, ClientInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(info);
        lock (_locks.For(channel))
        {
            if (!_channels.TryGetValue(channel, out var presence))
            {
                presence = new ChannelPresence();
                _channels[channel] = presence;
            }

            presence.Add(clientId, info);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemovePresenceAsync(string channel, string clientId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(clientId);
        lock (_locks.For(channel))
        {
            if (_channels.TryGetValue(channel, out var presence))
            {
                presence.Remove(clientId);
                if (presence.IsEmpty)
                {
                    _channels.TryRemove(channel, out _);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Returns a snapshot that later changes do not affect.</remarks>
    public ValueTask<IReadOnlyDictionary<string, ClientInfo>> PresenceAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_locks.For(channel))
        {
            return ValueTask.FromResult(_channels.TryGetValue(channel, out var presence) ? presence.Snapshot() : Empty);
        }
    }

    /// <inheritdoc />
    public ValueTask<PresenceStats> PresenceStatsAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_locks.For(channel))
        {
            return ValueTask.FromResult(_channels.TryGetValue(channel, out var presence) ? presence.Stats() : default);
        }
    }
}
