namespace K8sRelay.Core.Engines.Memory;

/// <summary>
/// One channel's presence set: client id to client info, plus a count of connections per user so that the
/// number of distinct users is known without a scan. Not thread-safe: guarded by the channel lock.
/// </summary>
internal sealed class ChannelPresence
{
    private readonly Dictionary<string, ClientInfo> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _connectionsPerUser = new(StringComparer.Ordinal);

    /// <summary>True when no client is present.</summary>
    public bool IsEmpty => _clients.Count == 0;

    /// <summary>Adds a client or replaces its info.</summary>
    public void Add(string clientId, ClientInfo info)
    {
        if (_clients.TryGetValue(clientId, out var existing))
        {
            ForgetUser(existing.User);
        }

        _clients[clientId] = info;
        _connectionsPerUser[info.User] = _connectionsPerUser.GetValueOrDefault(info.User) + 1;
    }

    /// <summary>Removes a client; unknown ids are ignored.</summary>
    public void Remove(string clientId)
    {
        if (_clients.Remove(clientId, out var existing))
        {
            ForgetUser(existing.User);
        }
    }

    /// <summary>A copy of the set.</summary>
    public Dictionary<string, ClientInfo> Snapshot() => new(_clients, StringComparer.Ordinal);

    /// <summary>Current counts.</summary>
    public PresenceStats Stats() => new(_clients.Count, _connectionsPerUser.Count);

    private void ForgetUser(string user)
    {
        var left = _connectionsPerUser.GetValueOrDefault(user) - 1;
        if (left <= 0)
        {
            _connectionsPerUser.Remove(user);
        }
        else
        {
            _connectionsPerUser[user] = left;
        }
    }
}
