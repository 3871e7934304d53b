using System.Collections.Concurrent;
using K8sRelay.Core.Engines;
using K8sRelay.Engines.Messages;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ClientInfo = K8sRelay.Core.Engines.ClientInfo;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// <see cref="IBroker"/> on Redis (Centrifugo's Redis engine): PUB/SUB with one Redis subscription per channel that has
/// local subscribers, history in Redis Streams whose offset and epoch a Lua script keeps atomically, and idempotent
/// publish shared by all nodes. Thread-safe.
/// </summary>
/// <remarks>
/// Ordering: one channel's events reach the handler one at a time, in the order Redis published them (one ordered
/// queue per channel); different channels are handled concurrently. When Redis is unreachable every call fails
/// fast with a <see cref="K8sRelay.Protocol.ProtocolErrorException"/> carrying the temporary internal error.
/// If the node's handler implements <see cref="IBrokerConnectivityHandler"/> it hears when a shard's delivery is lost
/// and when every subscription of that shard is active again.
/// </remarks>
public sealed partial class RedisBroker : IBroker
{
    private static readonly StreamPosition NoPosition = new(0, string.Empty);
    private readonly ConcurrentDictionary<string, ChannelSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim[] _subscribeLocks;
    private readonly RedisConnections _connections;
    private readonly RedisKeys _keys;
    private readonly ILogger _logger;
    private volatile IBrokerEventHandler? _handler;

    /// <summary>Creates the broker on shared connections.</summary>
    public RedisBroker(RedisConnections connections, ILogger<RedisBroker> logger)
    {
        _connections = connections;
        _keys = connections.Keys;
        _logger = logger;
        _subscribeLocks = new SemaphoreSlim[256];
        for (var i = 0; i < _subscribeLocks.Length; i++)
        {
            _subscribeLocks[i] = new SemaphoreSlim(1, 1);
        }

        connections.AddConnectivityListener(OnShardConnectivityAsync);
    }

    /// <inheritdoc />
    public void RegisterEventHandler(IBrokerEventHandler handler) => _handler = handler;

    /// <inheritdoc />
    /// <remarks>Counted: the Redis subscription is made on the first call and dropped after as many <see cref="UnsubscribeAsync"/> calls.</remarks>
    public async ValueTask SubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        var gate = LockFor(channel);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_subscriptions.TryGetValue(channel, out var existing))
            {
                existing.Count++;
                return;
            }

            var shard = await ConnectedShardAsync(channel).ConfigureAwait(false);
            var redisChannel = _keys.Client(channel, shard.ShardedPubSub);
            ChannelMessageQueue queue;
            try
            {
                queue = await shard.Subscriber.SubscribeAsync(redisChannel).ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailure.IsTransient(e))
            {
                // Drop the client's local registration so it is not restored on reconnect behind the node's back.
                await UnsubscribeQuietlyAsync(shard, redisChannel).ConfigureAwait(false);
                throw RedisFailure.Wrap(e);
            }

            queue.OnMessage(message => OnMessageAsync(channel, message));
            shard.Track(redisChannel);
            _subscriptions[channel] = new ChannelSubscription(shard, queue);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Never throws for Redis failures: the subscription is dropped locally and Redis forgets it with the connection.</remarks>
    public async ValueTask UnsubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        var gate = LockFor(channel);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_subscriptions.TryGetValue(channel, out var subscription))
            {
                return;
            }

            if (--subscription.Count > 0)
            {
                return;
            }

            _subscriptions.TryRemove(channel, out _);
            subscription.Shard.Untrack(subscription.Queue.Channel);
            try
            {
                await subscription.Queue.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailure.IsTransient(e))
            {
                Log.UnsubscribeFailed(_logger, channel, e);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask PublishJoinAsync(string channel, ClientInfo info, CancellationToken cancellationToken) =>
        await PublishRawAsync(channel, BrokerMessage.EncodePresence(info, join: true)).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask PublishLeaveAsync(string channel, ClientInfo info, CancellationToken cancellationToken) =>
        await PublishRawAsync(channel, BrokerMessage.EncodePresence(info, join: false)).ConfigureAwait(false);

    /// <summary>Channels this node is subscribed to (for diagnostics and tests).</summary>
    internal ICollection<string> SubscribedChannels => _subscriptions.Keys;

    private SemaphoreSlim LockFor(string channel) => _subscribeLocks[(channel.GetHashCode() & int.MaxValue) % _subscribeLocks.Length];

    private async ValueTask<RedisShard> ConnectedShardAsync(string channel)
    {
        try
        {
            return await _connections.ShardForAsync(channel).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }
    }

    private async Task PublishRawAsync(string channel, byte[] message)
    {
        var shard = await ConnectedShardAsync(channel).ConfigureAwait(false);
        try
        {
            await SendAsync(shard, channel, message).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }
    }

    /// <summary>Publishes a ready message, through the shard's ordered pipeline when it has one.</summary>
    private Task SendAsync(RedisShard shard, string channel, byte[] message) =>
        shard.Pipeline is { } pipeline
            ? pipeline.PublishAsync(_keys.ClientName(channel), message)
            : shard.Database.PublishAsync(_keys.Client(channel, shard.ShardedPubSub), message);

    /// <summary>Runs a publish script, through the shard's ordered pipeline when it has one.</summary>
    private static Task<RedisResult> RunAsync(RedisShard shard, RedisScript script, RedisKey[] keys, RedisValue[] values) =>
        shard.Pipeline is { } pipeline ? pipeline.EvaluateAsync(script, keys, values) : script.EvaluateAsync(shard.Database, keys, values);

    private async Task UnsubscribeQuietlyAsync(RedisShard shard, RedisChannel redisChannel)
    {
        try
        {
            await shard.Subscriber.UnsubscribeAsync(redisChannel, null, CommandFlags.FireAndForget).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            Log.UnsubscribeFailed(_logger, redisChannel.ToString(), e);
        }
    }

    private Task OnMessageAsync(string channel, ChannelMessage message)
    {
        var handler = _handler;
        if (handler is null)
        {
            return Task.CompletedTask;
        }

        try
        {
            var parsed = BrokerMessage.Parse(((ReadOnlyMemory<byte>)message.Message).Span);
            var delivery = parsed.Kind switch
            {
                'p' => handler.HandlePublicationAsync(channel, parsed.Publication!, parsed.Position, parsed.UseDelta, parsed.Previous),
                'j' => handler.HandleJoinAsync(channel, parsed.Info!),
                _ => handler.HandleLeaveAsync(channel, parsed.Info!),
            };
            return delivery.IsCompleted ? CompleteDelivery(delivery, channel) : AwaitDeliveryAsync(delivery, channel);
        }
        catch (FormatException e)
        {
            Log.MalformedMessage(_logger, channel, e);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, channel, e);
        }

        return Task.CompletedTask;
    }

    private Task CompleteDelivery(ValueTask delivery, string channel)
    {
        try
        {
            // Completed: GetResult does not block; it surfaces the handler's exception and frees pooled sources.
#pragma warning disable CA1849
            delivery.GetAwaiter().GetResult();
#pragma warning restore CA1849
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, channel, e);
        }

        return Task.CompletedTask;
    }

    private async Task AwaitDeliveryAsync(ValueTask delivery, string channel)
    {
        try
        {
            await delivery.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, channel, e);
        }
    }

    private async ValueTask OnShardConnectivityAsync(int shardIndex, bool restored)
    {
        if (_handler is not IBrokerConnectivityHandler handler)
        {
            return;
        }

        var channels = _subscriptions.Where(s => s.Value.Shard.Index == shardIndex).Select(s => s.Key).ToList();
        if (restored)
        {
            await handler.HandleDeliveryRestoredAsync(channels).ConfigureAwait(false);
        }
        else
        {
            await handler.HandleDeliveryLostAsync(channels).ConfigureAwait(false);
        }
    }
}
