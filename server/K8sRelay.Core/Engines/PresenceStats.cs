namespace K8sRelay.Core.Engines;

/// <summary>Counts of a channel's presence set.</summary>
/// <param name="NumClients">Number of connections.</param>
/// <param name="NumUsers">Number of distinct users.</param>
public readonly record struct PresenceStats(int NumClients, int NumUsers);
