using System.Collections.Concurrent;
using K8sRelay.Core.Clients;

namespace K8sRelay.Core.Hub;

/// <summary>
/// The node's local registry: live connections by client id and by user, and the local subscribers
/// of every channel. Broadcasts publications and join/leave events to local subscribers. Thread-safe.
/// </summary>
public sealed class ClientHub
{
    private readonly ConcurrentDictionary<string, ClientConnection> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ClientConnection>> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChannelSubscribers> _channels = new(StringComparer.Ordinal);
    private int _subscriptionCount;

    /// <summary>Number of authenticated connections.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>Number of distinct users with connections.</summary>
    public int UserCount => _users.Count;

    /// <summary>Number of channels with local subscribers.</summary>
    public int ChannelCount => _channels.Count;

    /// <summary>Number of subscriptions across all connections.</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptionCount);

    /// <summary>All authenticated connections (a moment's view).</summary>
    public IEnumerable<ClientConnection> Clients => _clients.Values;

    /// <summary>Registers an authenticated connection.</summary>
    internal void AddClient(ClientConnection client)
    {
        _clients[client.ClientId] = client;
        var byUser = _users.GetOrAdd(client.UserId, static _ => new ConcurrentDictionary<string, ClientConnection>(StringComparer.Ordinal));
        byUser[client.ClientId] = client;
    }

    /// <summary>Removes a connection from the registry.</summary>
    internal void RemoveClient(ClientConnection client)
    {
        _clients.TryRemove(client.ClientId, out _);
        if (_users.TryGetValue(client.UserId, out var byUser))
        {
            byUser.TryRemove(client.ClientId, out _);
            if (byUser.IsEmpty)
            {
                // Only remove the entry if it is still the same empty set.
                _users.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, ClientConnection>>(client.UserId, byUser));
            }
        }
    }

    /// <summary>Finds a connection by client id.</summary>
    public ClientConnection? FindClient(string clientId) => _clients.TryGetValue(clientId, out var c) ? c : null;

    /// <summary>The connections of a user on this node.</summary>
    public IReadOnlyCollection<ClientConnection> UserClients(string userId) =>
        _users.TryGetValue(userId, out var byUser) ? [.. byUser.Values] : [];

    /// <summary>Number of connections a user has on this node.</summary>
    public int UserClientCount(string userId) => _users.TryGetValue(userId, out var byUser) ? byUser.Count : 0;

    /// <summary>Local channels and their subscriber counts (a moment's view).</summary>
    public IEnumerable<KeyValuePair<string, int>> Channels() =>
        _channels.Select(static kv => new KeyValuePair<string, int>(kv.Key, kv.Value.Count));

    /// <summary>The local subscribers of a channel (a moment's view).</summary>
    internal IReadOnlyList<ISubscriber> Subscribers(string channel) =>
        _channels.TryGetValue(channel, out var subscribers) ? subscribers.Snapshot() : [];

    /// <summary>Number of local subscribers of a channel.</summary>
    public int SubscriberCount(string channel) => _channels.TryGetValue(channel, out var s) ? s.Count : 0;

    /// <summary>Adds a subscriber; returns true when it is the channel's first local subscriber.</summary>
    internal bool AddSubscriber(string channel, ISubscriber subscriber, out bool added)
    {
        while (true)
        {
            var subscribers = _channels.GetOrAdd(channel, static _ => new ChannelSubscribers());
            lock (subscribers)
            {
                // The set may have been removed as empty between GetOrAdd and the lock.
                if (!_channels.TryGetValue(channel, out var current) || !ReferenceEquals(current, subscribers))
                {
                    continue;
                }

                added = subscribers.Add(subscriber);
                if (added)
                {
                    Interlocked.Increment(ref _subscriptionCount);
                }

                return added && subscribers.Count == 1;
            }
        }
    }

    /// <summary>Removes a subscriber; returns true when the channel has no local subscribers left.</summary>
    internal bool RemoveSubscriber(string channel, string clientId)
    {
        if (!_channels.TryGetValue(channel, out var subscribers))
        {
            return false;
        }

        lock (subscribers)
        {
            var left = subscribers.Remove(clientId);
            if (left < 0)
            {
                return false;
            }

            Interlocked.Decrement(ref _subscriptionCount);
            if (left == 0)
            {
                _channels.TryRemove(new KeyValuePair<string, ChannelSubscribers>(channel, subscribers));
                return true;
            }

            return false;
        }
    }

    /// <summary>Sends a publication to every local subscriber of the channel.</summary>
    internal void BroadcastPublication(string channel, PreparedPublication publication)
    {
        if (!_channels.TryGetValue(channel, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers.Snapshot())
        {
            subscriber.DeliverPublication(publication);
        }
    }

    /// <summary>Sends a join/leave event to the local subscribers that want it.</summary>
    internal void BroadcastJoinLeave(string channel, PreparedJoinLeave joinLeave)
    {
        if (!_channels.TryGetValue(channel, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers.Snapshot())
        {
            subscriber.DeliverJoinLeave(joinLeave);
        }
    }
}
