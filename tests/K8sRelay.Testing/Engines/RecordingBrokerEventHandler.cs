using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>Records everything a broker delivers to a node, including connectivity notifications. Thread-safe.</summary>
public sealed class RecordingBrokerEventHandler : IBrokerEventHandler, IBrokerConnectivityHandler
{
    /// <summary>Delivered publications in arrival order.</summary>
    public EventLog<RecordedPublication> Publications { get; } = new();

    /// <summary>Delivered join and leave events in arrival order.</summary>
    public EventLog<RecordedPresenceEvent> PresenceEvents { get; } = new();

    /// <summary>Connectivity notifications: (restored?, channels).</summary>
    public EventLog<(bool Restored, IReadOnlyCollection<string> Channels)> Connectivity { get; } = new();

    /// <inheritdoc />
    public ValueTask HandlePublicationAsync(string channel, Publication publication, StreamPosition position, bool useDelta, Publication? previous)
    {
        Publications.Add(new RecordedPublication(channel, publication, position, useDelta, previous));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask HandleJoinAsync(string channel, ClientInfo info)
    {
        PresenceEvents.Add(new RecordedPresenceEvent(channel, info, IsJoin: true));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask HandleLeaveAsync(string channel, ClientInfo info)
    {
        PresenceEvents.Add(new RecordedPresenceEvent(channel, info, IsJoin: false));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask HandleDeliveryLostAsync(IReadOnlyCollection<string> channels)
    {
        Connectivity.Add((false, [.. channels]));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask HandleDeliveryRestoredAsync(IReadOnlyCollection<string> channels)
    {
        Connectivity.Add((true, [.. channels]));
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for <paramref name="count"/> publications in <paramref name="channel"/> and returns them in arrival order.</summary>
    public Task<IReadOnlyList<RecordedPublication>> WaitForPublicationsAsync(string channel, int count) =>
        Publications.WaitForAsync(p => p.Channel == channel, count, $"publication in {channel}");

    /// <summary>Publications received so far in <paramref name="channel"/>.</summary>
    public IReadOnlyList<RecordedPublication> PublicationsIn(string channel) =>
        Publications.Snapshot().Where(p => p.Channel == channel).ToList();
}
