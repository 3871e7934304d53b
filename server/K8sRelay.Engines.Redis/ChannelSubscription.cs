using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// This node's Redis subscription to one channel: the shard it lives on, the ordered message queue and how many
/// times the node subscribed. Mutated only under the channel's subscribe lock.
/// </summary>
internal sealed class ChannelSubscription(RedisShard shard, ChannelMessageQueue queue)
{
    public RedisShard Shard { get; } = shard;

    public ChannelMessageQueue Queue { get; } = queue;

    public int Count { get; set; } = 1;
}
