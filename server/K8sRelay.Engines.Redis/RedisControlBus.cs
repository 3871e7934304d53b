using K8sRelay.Core.Engines;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// <see cref="IControlBus"/> on Redis PUB/SUB of the first shard (sharded PUB/SUB on Cluster): broadcast messages go to <c>PREFIX.control</c>,
/// which every node subscribes to (the sender included); messages for one node go to <c>PREFIX.node.ID</c>.
/// Payloads are opaque bytes. Delivery is at most once; messages from one sender on one of those channels arrive in
/// order, one at a time. Thread-safe.
/// </summary>
public sealed partial class RedisControlBus : IControlBus, IAsyncDisposable
{
    private readonly RedisConnections _connections;
    private readonly ILogger _logger;
    private readonly List<ChannelMessageQueue> _queues = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribed = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates the bus on shared connections.</summary>
    public RedisControlBus(RedisConnections connections, ILogger<RedisControlBus> logger)
    {
        _connections = connections;
        _logger = logger;
    }

    /// <summary>
    /// Completes when the control subscriptions made by the handler registration are active. They are made in the
    /// background, since registration is synchronous, and retried until Redis answers.
    /// </summary>
    public Task WhenSubscribedAsync() => _subscribed;

    /// <inheritdoc />
    /// <remarks>Without a node id only broadcast messages arrive (the bus listens under a random id).</remarks>
    public void RegisterControlHandler(Func<byte[], ValueTask> handler) =>
        RegisterControlHandler("anonymous-" + Guid.NewGuid().ToString("N"), handler);

    /// <inheritdoc />
    public void RegisterControlHandler(string nodeId, Func<byte[], ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(handler);
        _subscribed = SubscribeAsync(nodeId, handler);
    }

    /// <inheritdoc />
    public async ValueTask PublishControlAsync(byte[] message, string? toNodeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var shard = await _connections.ControlShardAsync().ConfigureAwait(false);
            var channel = toNodeId is null ? _connections.Keys.Control(shard.ShardedPubSub) : _connections.Keys.Node(toNodeId, shard.ShardedPubSub);
            await shard.Database.PublishAsync(channel, message).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }
    }

    /// <inheritdoc />
    /// <remarks>Idempotent.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        ChannelMessageQueue[] queues;
        lock (_queues)
        {
            queues = [.. _queues];
            _queues.Clear();
        }

        foreach (var queue in queues)
        {
            try
            {
                await queue.UnsubscribeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailure.IsTransient(e))
            {
                Log.UnsubscribeFailed(_logger, e);
            }
        }

        _stopping.Dispose();
    }

    private async Task SubscribeAsync(string nodeId, Func<byte[], ValueTask> handler)
    {
        foreach (var forNode in new[] { false, true })
        {
            // Registration cannot fail, so keep trying in the background until Redis answers or the bus is disposed.
            while (true)
            {
                try
                {
                    var shard = await _connections.ControlShardAsync().ConfigureAwait(false);
                    var channel = forNode ? _connections.Keys.Node(nodeId, shard.ShardedPubSub) : _connections.Keys.Control(shard.ShardedPubSub);
                    var queue = await shard.Subscriber.SubscribeAsync(channel).ConfigureAwait(false);
                    shard.Track(channel);
                    queue.OnMessage(message => DeliverAsync(handler, message));
                    lock (_queues)
                    {
                        _queues.Add(queue);
                    }

                    break;
                }
                catch (Exception e) when (RedisFailure.IsTransient(e))
                {
                    Log.SubscribeDeferred(_logger, forNode ? "node" : "control", e);
                    await Task.Delay(_connections.Options.ReconnectCheckInterval, _connections.Time, _stopping.Token).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task DeliverAsync(Func<byte[], ValueTask> handler, ChannelMessage message)
    {
        try
        {
            await handler((byte[])message.Message!).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, e);
        }
    }
}
