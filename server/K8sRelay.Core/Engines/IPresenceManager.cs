namespace K8sRelay.Core.Engines;

/// <summary>Keeps per-channel presence sets. Thread-safe.</summary>
public interface IPresenceManager
{
    /// <summary>Adds or refreshes a client in a channel's presence set.</summary>
    ValueTask AddPresenceAsync(string channel, string clientId, ClientInfo info, CancellationToken cancellationToken);

    /// <summary>Removes a client from a channel's presence set.</summary>
    ValueTask RemovePresenceAsync(string channel, string clientId, string userId, CancellationToken cancellationToken);

    /// <summary>Returns the presence set: client id to client info.</summary>
    ValueTask<IReadOnlyDictionary<string, ClientInfo>> PresenceAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Returns the number of clients and distinct users in the presence set.</summary>
    ValueTask<PresenceStats> PresenceStatsAsync(string channel, CancellationToken cancellationToken);
}
