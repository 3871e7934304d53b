using K8sRelay.Core.Engines;
using K8sRelay.Core.Engines.Memory;
using Microsoft.Extensions.Options;

namespace K8sRelay.Core.Tests.Cluster;

/// <summary>
/// The memory broker with a switch that drops deliveries to the node while history keeps recording, as a
/// broker whose PUB/SUB connection is down while publishes through other nodes still reach history.
/// </summary>
internal sealed class MutableDeliveryBroker : IBroker
{
    private readonly MemoryBroker _inner;

    public MutableDeliveryBroker(TimeProvider time) => _inner = new MemoryBroker(Options.Create(new MemoryEngineOptions()), time);

    public bool Muted { get; set; }

    public void RegisterEventHandler(IBrokerEventHandler handler) => _inner.RegisterEventHandler(new Filter(this, handler));

    public ValueTask SubscribeAsync(string channel, CancellationToken cancellationToken) => _inner.SubscribeAsync(channel, cancellationToken);

    public ValueTask UnsubscribeAsync(string channel, CancellationToken cancellationToken) => _inner.UnsubscribeAsync(channel, cancellationToken);

    public ValueTask<PublishResult> PublishAsync(string channel, byte[] data, PublishOptions options, CancellationToken cancellationToken) =>
        _inner.PublishAsync(channel, data, options, cancellationToken);

    public ValueTask PublishJoinAsync(string channel, ClientInfo info, CancellationToken cancellationToken) => _inner.PublishJoinAsync(channel, info, cancellationToken);

    public ValueTask PublishLeaveAsync(string channel, ClientInfo info, CancellationToken cancellationToken) => _inner.PublishLeaveAsync(channel, info, cancellationToken);

    public ValueTask<HistoryResult> HistoryAsync(string channel, HistoryOptions options, CancellationToken cancellationToken) =>
        _inner.HistoryAsync(channel, options, cancellationToken);

    public ValueTask RemoveHistoryAsync(string channel, CancellationToken cancellationToken) => _inner.RemoveHistoryAsync(channel, cancellationToken);

    private sealed class Filter(MutableDeliveryBroker owner, IBrokerEventHandler handler) : IBrokerEventHandler
    {
        public ValueTask HandlePublicationAsync(string channel, Publication publication, StreamPosition position, bool useDelta, Publication? previous) =>
            owner.Muted ? ValueTask.CompletedTask : handler.HandlePublicationAsync(channel, publication, position, useDelta, previous);

        public ValueTask HandleJoinAsync(string channel, ClientInfo info) => owner.Muted ? ValueTask.CompletedTask : handler.HandleJoinAsync(channel, info);

        public ValueTask HandleLeaveAsync(string channel, ClientInfo info) => owner.Muted ? ValueTask.CompletedTask : handler.HandleLeaveAsync(channel, info);
    }
}
