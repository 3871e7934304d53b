using K8sRelay.Core.Diagnostics;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    private static readonly byte[] JsonPing = "{}"u8.ToArray();
    private static readonly byte[] ProtobufPing = [0];

    private int _awaitingPong;
    private long _pongDueMs;
    private long _pingSentAt;

    /// <inheritdoc />
    public void OnTimer(int kind)
    {
        switch (kind)
        {
            case TimerKind.Stale when _state == ConnectionState.Connecting:
                _ = DisconnectAsync(DisconnectReason.Stale);
                break;
            case TimerKind.CloseAfterConnectError when _state == ConnectionState.ConnectFailed:
                _ = DisconnectAsync(DisconnectReason.ConnectionClosed);
                break;
            case TimerKind.Ping when _state == ConnectionState.Connected:
                SendPing();
                break;
            case TimerKind.PongDeadline when _state == ConnectionState.Connected:
                if (Volatile.Read(ref _awaitingPong) == 1 && _node.Timers.NowMs() >= Volatile.Read(ref _pongDueMs))
                {
                    _ = DisconnectAsync(DisconnectReason.NoPong);
                }

                break;
            case TimerKind.Expiry when _state == ConnectionState.Connected:
                CheckExpiry();
                break;
            case TimerKind.SubscriptionExpiry when _state == ConnectionState.Connected:
                _ = CheckSubscriptionExpiryAsync();
                break;
            case TimerKind.PresenceUpdate when _state == ConnectionState.Connected:
                _ = UpdatePresenceAsync();
                break;
        }
    }

    private void SendPing()
    {
        var settings = _node.Config.Client;
        EnqueueMessage(Protocol == ProtocolType.Json ? JsonPing : ProtobufPing, FrameType.ServerPing);
        if (!Unidirectional && settings.PongTimeout > TimeSpan.Zero)
        {
            Volatile.Write(ref _pongDueMs, _node.Timers.NowMs() + (long)settings.PongTimeout.TotalMilliseconds);
            Volatile.Write(ref _pingSentAt, _node.Time.GetTimestamp());
            Volatile.Write(ref _awaitingPong, 1);
            _node.Timers.Schedule(this, TimerKind.PongDeadline, settings.PongTimeout);
        }

        _node.Timers.Schedule(this, TimerKind.Ping, settings.PingInterval);
    }

    private async ValueTask<bool> HandlePongAsync()
    {
        if (Interlocked.Exchange(ref _awaitingPong, 0) == 0)
        {
            // A pong without an outstanding ping.
            await DisconnectAsync(DisconnectReason.BadRequest).ConfigureAwait(false);
            return false;
        }

        _node.Metrics.PingPong(TransportName, _node.Time.GetElapsedTime(Volatile.Read(ref _pingSentAt)));
        return true;
    }

    private void CheckExpiry()
    {
        if (ExpireAt == 0)
        {
            return;
        }

        var now = UnixNow(_node.Time);
        var deadline = ExpireAt + (long)_node.Config.Client.ExpiredCloseDelay.TotalSeconds;
        if (now >= deadline)
        {
            _ = DisconnectAsync(DisconnectReason.Expired);
        }
        else
        {
            _node.Timers.Schedule(this, TimerKind.Expiry, TimeSpan.FromSeconds(deadline - now));
        }
    }

    private async Task CheckSubscriptionExpiryAsync()
    {
        var now = UnixNow(_node.Time);
        var delay = (long)_node.Config.Client.ExpiredSubCloseDelay.TotalSeconds;
        List<ChannelSubscription> expired = [];
        lock (_gate)
        {
            foreach (var subscription in _subscriptions.Values)
            {
                if (subscription is { ExpireAt: > 0 } && now >= subscription.ExpireAt + delay)
                {
                    expired.Add(subscription);
                }
            }
        }

        foreach (var subscription in expired)
        {
            if ((subscription.Flags & SubscriptionFlags.ServerSide) != 0)
            {
                await DisconnectAsync(DisconnectReason.SubExpired).ConfigureAwait(false);
                return;
            }

            await UnsubscribeByServerAsync(subscription.Channel, UnsubscribeReason.Expired).ConfigureAwait(false);
        }
    }

    private async Task UpdatePresenceAsync()
    {
        try
        {
            foreach (var subscription in SnapshotSubscriptions())
            {
                if ((subscription.Flags & SubscriptionFlags.Presence) != 0)
                {
                    _node.Metrics.Action(NodeActions.AddPresence);
                    var info = new Engines.ClientInfo(UserId, ClientId, ConnInfo, subscription.ChanInfo);
                    await _node.Presence.AddPresenceAsync(subscription.Channel, ClientId, info, _closing.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.CommandFailed(_logger, ClientId, ex);
        }
        finally
        {
            if (_state == ConnectionState.Connected)
            {
                _node.Timers.Schedule(this, TimerKind.PresenceUpdate, _node.Config.Client.PresenceUpdateInterval);
            }
        }
    }
}
