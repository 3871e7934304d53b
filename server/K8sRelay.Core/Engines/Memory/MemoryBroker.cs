using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace K8sRelay.Core.Engines.Memory;

/// <summary>
/// In-process <see cref="IBroker"/> (Centrifugo's memory engine): history streams, idempotent publish and
/// delivery to the one local node. Thread-safe. Work on one channel is serialized by a lock taken from a
/// fixed pool, so publishing never takes a global lock.
/// </summary>
/// <remarks>
/// Delivery is synchronous: the registered <see cref="IBrokerEventHandler"/> is called inside
/// <see cref="PublishAsync"/> (and the join/leave methods) while the channel's lock is held. Calls for one
/// channel therefore never overlap and arrive in offset order. A handler must not block; if its
/// <see cref="ValueTask"/> does not complete synchronously it is awaited after the lock is released.
/// An exception thrown by the handler reaches the publisher (the publication stays in history).
/// History TTL follows Centrifugo: a stream's publications are kept for <see cref="PublishOptions.HistoryTtl"/>
/// after the last publication into it; its meta (top offset, epoch) for the meta TTL.
/// </remarks>
public sealed partial class MemoryBroker : IBroker, IDisposable
{
    private readonly ConcurrentDictionary<string, MemoryHistoryStream> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Channel, string Key), IdempotentResult> _idempotentResults = new();
    private readonly ConcurrentDictionary<string, int> _subscriptions = new(StringComparer.Ordinal);
    private readonly ChannelLockPool _locks = new();
    private readonly MemoryEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _cleanupTimer;
    private volatile IBrokerEventHandler? _handler;

    /// <summary>Creates the broker and starts its cleanup timer.</summary>
    public MemoryBroker(IOptions<MemoryEngineOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _time = timeProvider;
        if (_options.CleanupInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("CleanupInterval must be positive.", nameof(options));
        }

        _cleanupTimer = _time.CreateTimer(static state => ((MemoryBroker)state!).RemoveExpired(), this, _options.CleanupInterval, _options.CleanupInterval);
    }

    /// <inheritdoc />
    public void RegisterEventHandler(IBrokerEventHandler handler) => _handler = handler;

    /// <inheritdoc />
    /// <remarks>Calls are counted: delivery stops once <see cref="UnsubscribeAsync"/> was called as often as this method.</remarks>
    public ValueTask SubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_locks.For(channel))
        {
            _subscriptions[channel] = _subscriptions.GetValueOrDefault(channel) + 1;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask UnsubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_locks.For(channel))
        {
            if (_subscriptions.TryGetValue(channel, out var count))
            {
                if (count <= 1)
                {
                    _subscriptions.TryRemove(channel, out _);
                }
                else
                {
                    _subscriptions[channel] = count - 1;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// With an <see cref="PublishOptions.IdempotencyKey"/> seen on this channel within its TTL, returns the first
    /// publish's result with <see cref="PublishResult.Suppressed"/> set and neither stores nor delivers anything.
    /// </remarks>
    public ValueTask<PublishResult> PublishAsync(string channel, byte[] data, PublishOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var key = options.IdempotencyKey;
        PublishResult result;
        ValueTask delivery = default;
        lock (_locks.For(channel))
        {
            if (key is not null
                && _idempotentResults.TryGetValue((channel, key), out var seen)
                && now < seen.ExpiresAt)
            {
                return ValueTask.FromResult(seen.Result with { Suppressed = true });
            }

            Publication? previous = null;
            Publication publication;
            StreamPosition position;
            if (options.HasHistory)
            {
                var stream = GetLiveStream(channel, now, create: true)!;
                if (options.UseDelta)
                {
                    previous = stream.Newest;
                }

                publication = new Publication
                {
                    Offset = stream.NextOffset,
                    Data = data,
                    Info = options.ClientInfo,
                    Tags = options.Tags,
                    Time = now,
                };
                stream.Add(publication, options.HistorySize);
                stream.DataExpiresAt = now + (long)options.HistoryTtl.TotalMilliseconds;
                var metaTtl = options.HistoryMetaTtl > TimeSpan.Zero ? options.HistoryMetaTtl : _options.HistoryMetaTtl;
                stream.MetaExpiresAt = Math.Max(stream.DataExpiresAt, now + (long)metaTtl.TotalMilliseconds);
                position = stream.Position;
            }
            else
            {
                publication = new Publication { Data = data, Info = options.ClientInfo, Tags = options.Tags, Time = now };
                position = new StreamPosition(0, string.Empty);
            }

            result = new PublishResult(position);
            if (key is not null)
            {
                var ttl = options.IdempotentResultTtl > TimeSpan.Zero ? options.IdempotentResultTtl : _options.IdempotentResultTtl;
                _idempotentResults[(channel, key)] = new IdempotentResult(result, now + (long)ttl.TotalMilliseconds);
            }

            var handler = _handler;
            if (handler is not null && _subscriptions.ContainsKey(channel))
            {
                delivery = handler.HandlePublicationAsync(channel, publication, position, options.UseDelta, previous);
            }
        }

        if (delivery.IsCompletedSuccessfully)
        {
            // Already completed: GetResult does not block, it only releases a pooled ValueTask source.
#pragma warning disable CA1849
            delivery.GetAwaiter().GetResult();
#pragma warning restore CA1849
            return ValueTask.FromResult(result);
        }

        return AwaitDeliveryAsync(delivery, result);
    }

    /// <inheritdoc />
    public ValueTask PublishJoinAsync(string channel, ClientInfo info, CancellationToken cancellationToken)
    {
        ValueTask delivery = default;
        lock (_locks.For(channel))
        {
            var handler = _handler;
            if (handler is not null && _subscriptions.ContainsKey(channel))
            {
                delivery = handler.HandleJoinAsync(channel, info);
            }
        }

        return delivery;
    }

    /// <inheritdoc />
    public ValueTask PublishLeaveAsync(string channel, ClientInfo info, CancellationToken cancellationToken)
    {
        ValueTask delivery = default;
        lock (_locks.For(channel))
        {
            var handler = _handler;
            if (handler is not null && _subscriptions.ContainsKey(channel))
            {
                delivery = handler.HandleLeaveAsync(channel, info);
            }
        }

        return delivery;
    }

    /// <summary>Stops the cleanup timer. Stored streams stay readable.</summary>
    public void Dispose() => _cleanupTimer.Dispose();

    private static async ValueTask<PublishResult> AwaitDeliveryAsync(ValueTask delivery, PublishResult result)
    {
        await delivery.ConfigureAwait(false);
        return result;
    }

    /// <summary>A remembered idempotent publish result and when it is forgotten (unix milliseconds).</summary>
    private readonly record struct IdempotentResult(PublishResult Result, long ExpiresAt);
}
