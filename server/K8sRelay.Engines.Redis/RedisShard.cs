using System.Collections.Concurrent;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// One Redis deployment (one entry of <see cref="RedisEngineOptions.Address"/>): its connection, the PUB/SUB channels
/// this node subscribed there, and whether its delivery path is currently broken. Thread-safe.
/// </summary>
internal sealed class RedisShard
{
    private readonly ConcurrentDictionary<RedisChannel, byte> _subscribed = new();
    private int _lost;

    public RedisShard(int index, RedisAddress address, IConnectionMultiplexer connection)
    {
        Index = index;
        Address = address;
        Connection = connection;
        Database = connection.GetDatabase();
        Subscriber = connection.GetSubscriber();
        Pipeline = ShardedPubSub ? null : new PublishPipeline(Database);
    }

    /// <summary>The ordered, batching publish path; null on Redis Cluster, where commands go out one by one.</summary>
    public PublishPipeline? Pipeline { get; }

    /// <summary>Position in <see cref="RedisEngineOptions.Address"/>.</summary>
    public int Index { get; }

    /// <summary>The parsed address.</summary>
    public RedisAddress Address { get; }

    /// <summary>The shard's multiplexed connection.</summary>
    public IConnectionMultiplexer Connection { get; }

    /// <summary>Commands.</summary>
    public IDatabase Database { get; }

    /// <summary>PUB/SUB.</summary>
    public ISubscriber Subscriber { get; }

    /// <summary>Whether this shard's PUB/SUB is sharded (Redis Cluster).</summary>
    public bool ShardedPubSub => Address.Topology == RedisTopology.Cluster;

    /// <summary>True between a connection failure and the moment every subscription is active again.</summary>
    public bool IsLost => Volatile.Read(ref _lost) == 1;

    /// <summary>Remembers that this node subscribed <paramref name="channel"/> here.</summary>
    public void Track(RedisChannel channel) => _subscribed.TryAdd(channel, 0);

    /// <summary>Forgets a subscription.</summary>
    public void Untrack(RedisChannel channel) => _subscribed.TryRemove(channel, out _);

    /// <summary>Marks the delivery path broken; true only for the call that changed the state.</summary>
    public bool TryMarkLost() => Interlocked.Exchange(ref _lost, 1) == 0;

    /// <summary>
    /// Marks the delivery path restored when the connection is up and every tracked channel is subscribed on a
    /// server again; true only for the call that changed the state.
    /// </summary>
    public bool TryMarkRestored()
    {
        if (!IsLost || !Connection.IsConnected)
        {
            return false;
        }

        foreach (var channel in _subscribed.Keys)
        {
            if (Subscriber.SubscribedEndpoint(channel) is null)
            {
                return false;
            }
        }

        return Interlocked.Exchange(ref _lost, 0) == 1;
    }
}
