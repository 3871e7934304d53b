using System.Collections.Concurrent;
using K8sRelay.Core.Engines;
using K8sRelay.Engines.Messages;
using K8sRelay.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace K8sRelay.Engines.Nats;

/// <summary>
/// <see cref="IBroker"/> and <see cref="IControlBus"/> on NATS core PUB/SUB (Centrifugo's <c>broker.type: nats</c>):
/// at-most-once delivery between nodes with no history, so history calls and publications that ask for history
/// fail with <see cref="ProtocolError.NotAvailable"/>, and idempotency keys are not honoured. Pair it with a presence
/// manager of its own (memory or Redis). Thread-safe.
/// </summary>
/// <remarks>
/// Subjects: <c>PREFIX.client.CHANNEL</c>, <c>PREFIX.control</c>, <c>PREFIX.node.ID</c>. Channel names must be valid
/// subject text: no whitespace and no <c>*</c> or <c>&gt;</c> (which NATS reads as wildcards); others fail with
/// <see cref="ProtocolError.BadRequest"/>. One channel's events reach the handler one at a time, in publish order.
/// A subscription is active on the server when <see cref="SubscribeAsync"/> returns. While NATS is unreachable calls
/// fail with the temporary internal error after <see cref="NatsBrokerOptions.WriteTimeout"/>; the client reconnects
/// and resubscribes by itself, and a handler implementing <see cref="IBrokerConnectivityHandler"/> is told.
/// </remarks>
public sealed partial class NatsBroker : IBroker, IControlBus, IAsyncDisposable
{
    private static readonly StreamPosition NoPosition = new(0, string.Empty);
    private static readonly System.Buffers.SearchValues<char> InvalidSubjectCharacters = System.Buffers.SearchValues.Create(" \t\r\n*>");
    private readonly ConcurrentDictionary<string, NatsSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim[] _subscribeLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly NatsConnection _connection;
    private readonly NatsBrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile IBrokerEventHandler? _handler;
    private int _disconnected;

    /// <summary>Creates the broker; it connects on first use.</summary>
    public NatsBroker(IOptions<NatsBrokerOptions> options, TimeProvider timeProvider, ILogger<NatsBroker> logger)
    {
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _connection = new NatsConnection(new NatsOpts
        {
            Url = _options.Url,
            Name = "k8srelay",
            ConnectTimeout = _options.DialTimeout,
            CommandTimeout = _options.WriteTimeout,
            RequestTimeout = _options.WriteTimeout,
            PublishTimeoutOnDisconnected = true,
            RetryOnInitialConnect = true,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(100),
            ReconnectWaitMax = TimeSpan.FromSeconds(2),
        });
        _connection.ConnectionDisconnected += OnDisconnectedAsync;
        _connection.ConnectionOpened += OnOpenedAsync;
    }

    /// <inheritdoc />
    public void RegisterEventHandler(IBrokerEventHandler handler) => _handler = handler;

    /// <inheritdoc />
    /// <remarks>Counted: the NATS subscription is made on the first call and dropped after as many <see cref="UnsubscribeAsync"/> calls.</remarks>
    public async ValueTask SubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        var subject = ClientSubject(channel);
        var gate = LockFor(channel);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_subscriptions.TryGetValue(channel, out var existing))
            {
                existing.Count++;
                return;
            }

            INatsSub<byte[]> subscription;
            try
            {
                subscription = await _connection.SubscribeCoreAsync<byte[]>(subject, cancellationToken: cancellationToken).ConfigureAwait(false);

                // NATS does not acknowledge SUB; a round trip proves the server has it.
                await _connection.PingAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e))
            {
                throw Unavailable(e);
            }

            var reader = Task.Run(() => ReadAsync(channel, subscription), CancellationToken.None);
            _subscriptions[channel] = new NatsSubscription(subscription, reader);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask UnsubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        var gate = LockFor(channel);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_subscriptions.TryGetValue(channel, out var subscription) || --subscription.Count > 0)
            {
                return;
            }

            _subscriptions.TryRemove(channel, out _);
            await subscription.Subscription.DisposeAsync().ConfigureAwait(false);
            await subscription.Reader.ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<PublishResult> PublishAsync(string channel, byte[] data, PublishOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HasHistory)
        {
            throw new ProtocolErrorException(ProtocolError.NotAvailable);
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await PublishRawAsync(ClientSubject(channel), BrokerMessage.EncodePublication(data, options, now), cancellationToken).ConfigureAwait(false);
        return new PublishResult(NoPosition);
    }

    /// <inheritdoc />
    public ValueTask PublishJoinAsync(string channel, ClientInfo info, CancellationToken cancellationToken) =>
        PublishRawAsync(ClientSubject(channel), BrokerMessage.EncodePresence(info, join: true), cancellationToken);

    /// <inheritdoc />
    public ValueTask PublishLeaveAsync(string channel, ClientInfo info, CancellationToken cancellationToken) =>
        PublishRawAsync(ClientSubject(channel), BrokerMessage.EncodePresence(info, join: false), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Always fails with <see cref="ProtocolError.NotAvailable"/>: NATS keeps no history.</remarks>
    public ValueTask<HistoryResult> HistoryAsync(string channel, HistoryOptions options, CancellationToken cancellationToken) =>
        throw new ProtocolErrorException(ProtocolError.NotAvailable);

    /// <inheritdoc />
    /// <remarks>Always fails with <see cref="ProtocolError.NotAvailable"/>: NATS keeps no history.</remarks>
    public ValueTask RemoveHistoryAsync(string channel, CancellationToken cancellationToken) =>
        throw new ProtocolErrorException(ProtocolError.NotAvailable);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        foreach (var subscription in _subscriptions.Values)
        {
            await subscription.Reader.ConfigureAwait(false);
        }

        _subscriptions.Clear();
    }

    private static bool IsTransient(Exception exception) =>
        exception is NatsException or TimeoutException or OperationCanceledException or ObjectDisposedException;

    private static ProtocolErrorException Unavailable(Exception exception) => new("NATS unavailable: " + exception.Message, exception);

    private string ClientSubject(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Length == 0 || channel.AsSpan().IndexOfAny(InvalidSubjectCharacters) >= 0)
        {
            throw new ProtocolErrorException(ProtocolError.BadRequest);
        }

        return $"{_options.Prefix}.client.{channel}";
    }

    private SemaphoreSlim LockFor(string channel) => _subscribeLocks[(channel.GetHashCode() & int.MaxValue) % _subscribeLocks.Length];

    private async ValueTask PublishRawAsync(string subject, byte[] message, CancellationToken cancellationToken)
    {
        try
        {
            await _connection.PublishAsync(subject, message, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(e);
        }
    }

    private async Task ReadAsync(string channel, INatsSub<byte[]> subscription)
    {
        await foreach (var message in subscription.Msgs.ReadAllAsync().ConfigureAwait(false))
        {
            var handler = _handler;
            if (handler is null || message.Data is null)
            {
                continue;
            }

            try
            {
                var parsed = BrokerMessage.Parse(message.Data);
                if (parsed.Kind == 'p')
                {
                    await handler.HandlePublicationAsync(channel, parsed.Publication!, parsed.Position, parsed.UseDelta, parsed.Previous).ConfigureAwait(false);
                }
                else if (parsed.Kind == 'j')
                {
                    await handler.HandleJoinAsync(channel, parsed.Info!).ConfigureAwait(false);
                }
                else
                {
                    await handler.HandleLeaveAsync(channel, parsed.Info!).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                Log.DeliveryFailed(_logger, channel, e);
            }
        }
    }
}
