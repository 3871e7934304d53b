using K8sRelay.Core.Diagnostics;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    /// <summary>
    /// Closes the connection with a reason: flushes what is queued (briefly), closes the transport
    /// (close frame or disconnect push), then leaves every channel. Safe to call more than once.
    /// </summary>
    public async Task DisconnectAsync(DisconnectReason reason)
    {
        bool wasConnected;
        lock (_gate)
        {
            if (_state == ConnectionState.Closed)
            {
                return;
            }

            wasConnected = _state == ConnectionState.Connected;
            _state = ConnectionState.Closed;
        }

        _node.Metrics.ConnectionClosed(reason.Code);

        // Leave channels first so nothing more is delivered, then tell the client.
        if (wasConnected)
        {
            _node.Hub.RemoveClient(this);
            _node.Metrics.ClientDisconnected(TransportName, _metricLabels);
            List<ChannelSubscription> subscriptions;
            lock (_gate)
            {
                subscriptions = [.. _subscriptions.Values.OfType<ChannelSubscription>()];
                _subscriptions.Clear();
            }

            foreach (var subscription in subscriptions)
            {
                await CleanupSubscriptionAsync(subscription).ConfigureAwait(false);
            }

            Log.Disconnected(_logger, ClientId, UserId, reason.Code, reason.Reason);
        }

        try
        {
            if (reason != DisconnectReason.ConnectionClosed && reason != DisconnectReason.Slow && reason != DisconnectReason.WriteError)
            {
                await _writer.FlushAsync(TimeSpan.FromSeconds(1), _node.Time).ConfigureAwait(false);
            }

            _writer.Close();
            await _transport.CloseAsync(reason).ConfigureAwait(false);
            await _closing.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.WriteFailed(_logger, ClientId, ex);
        }

        Dispose();
        _closed.TrySetResult();
    }

    /// <summary>Called by the transport when the client went away (read ended or failed).</summary>
    public Task OnTransportClosedAsync() => DisconnectAsync(DisconnectReason.ConnectionClosed);

    /// <summary>Unsubscribes the client from a channel on the server's initiative with an <c>unsubscribe</c> push.</summary>
    public async Task UnsubscribeByServerAsync(string channel, UnsubscribeReason reason)
    {
        var subscription = RemoveSubscription(channel);
        if (subscription is null)
        {
            return;
        }

        _node.Metrics.ServerUnsubscribe(reason.Code);

        // The node forgets the subscription before the client hears of it (as Centrifugo orders it): a client that
        // resubscribes at once, as SDKs do after 2500, must not find its old subscription still registered (105).
        await CleanupSubscriptionAsync(subscription).ConfigureAwait(false);
        EnqueuePush(new Push { Channel = channel, Unsubscribe = new Unsubscribe { Code = reason.Code, Reason = reason.Reason } });
    }

    /// <summary>
    /// A live positioned subscription missed publications or saw another epoch: client-side
    /// subscriptions get unsubscribe 2500 (the client resubscribes and recovers), server-side ones
    /// disconnect with 3010.
    /// </summary>
    internal void OnInsufficientState(ChannelSubscription subscription)
    {
        if ((subscription.Flags & SubscriptionFlags.ServerSide) != 0)
        {
            _ = DisconnectAsync(DisconnectReason.InsufficientState);
        }
        else
        {
            _ = UnsubscribeByServerAsync(subscription.Channel, UnsubscribeReason.InsufficientState);
        }
    }

    /// <summary>
    /// <see cref="OnInsufficientState"/> for a check made outside the delivery path (position checks), which may
    /// hold a subscription the client has since dropped or replaced: acts only while it is still the client's
    /// subscription to its channel. Returns true when it acted.
    /// </summary>
    internal bool OnInsufficientStateIfCurrent(ChannelSubscription subscription)
    {
        if (!ReferenceEquals(FindSubscription(subscription.Channel), subscription))
        {
            return false;
        }

        OnInsufficientState(subscription);
        return true;
    }

    internal ChannelSubscription? FindSubscription(string channel)
    {
        lock (_gate)
        {
            return _subscriptions.TryGetValue(channel, out var s) ? s : null;
        }
    }

    private ChannelSubscription? RemoveSubscription(string channel)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(channel, out var subscription) && subscription is not null)
            {
                _subscriptions.Remove(channel);
                return subscription;
            }

            return null;
        }
    }

    private List<ChannelSubscription> SnapshotSubscriptions()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values.OfType<ChannelSubscription>()];
        }
    }

    private async Task CleanupSubscriptionAsync(ChannelSubscription subscription)
    {
        var channel = subscription.Channel;
        await _node.RemoveSubscriberAsync(channel, ClientId).ConfigureAwait(false);
        _node.Metrics.SubscriptionRemoved(_metricLabels);
        try
        {
            if ((subscription.Flags & SubscriptionFlags.Presence) != 0)
            {
                _node.Metrics.Action(NodeActions.RemovePresence);
                await _node.Presence.RemovePresenceAsync(channel, ClientId, UserId, CancellationToken.None).ConfigureAwait(false);
            }

            if ((subscription.Flags & SubscriptionFlags.EmitJoinLeave) != 0)
            {
                var info = new Engines.ClientInfo(UserId, ClientId, ConnInfo, subscription.ChanInfo);
                _node.Metrics.MessageSent("leave");
                await _node.Broker.PublishLeaveAsync(channel, info, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.CommandFailed(_logger, ClientId, ex);
        }
    }
}
