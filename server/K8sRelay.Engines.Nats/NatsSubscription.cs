using NATS.Client.Core;

namespace K8sRelay.Engines.Nats;

/// <summary>This node's NATS subscription to one channel and the loop that delivers its messages in order.</summary>
internal sealed class NatsSubscription(INatsSub<byte[]> subscription, Task reader)
{
    public INatsSub<byte[]> Subscription { get; } = subscription;

    public Task Reader { get; } = reader;

    /// <summary>How many times the node subscribed; mutated under the channel's subscribe lock.</summary>
    public int Count { get; set; } = 1;
}
