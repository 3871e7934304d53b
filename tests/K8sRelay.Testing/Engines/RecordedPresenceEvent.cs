using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>One join or leave delivery as a test saw it.</summary>
public sealed record RecordedPresenceEvent(string Channel, ClientInfo Info, bool IsJoin);
