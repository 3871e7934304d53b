using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

/// <summary>What the server API does to a live connection: server-side subscribe and refresh.</summary>
public sealed partial class ClientConnection
{
    /// <summary>Session id: the emulation or unidirectional session when there is one, else the client id.</summary>
    public string SessionId => RequestInfo.Session ?? ClientId;

    /// <summary>
    /// Subscribes the connection to <see cref="UserCommand.Channel"/> on the server's side: the
    /// client gets a <c>subscribe</c> push (followed by recovered publications when
    /// <see cref="UserCommand.RecoverSince"/> is set and the channel is recoverable), then live
    /// publications. A connection that already has the channel is left alone.
    /// </summary>
    internal async Task SubscribeByServerAsync(UserCommand command, CancellationToken cancellationToken)
    {
        var channel = command.Channel;
        if (_state != ConnectionState.Connected || !_node.Channels.TryResolve(channel, out var ns))
        {
            return;
        }

        lock (_gate)
        {
            if (_subscriptions.ContainsKey(channel))
            {
                return;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var request = new SubscribeRequest { Channel = channel };
        if (command.RecoverSince is { } since)
        {
            request.Recover = true;
            request.Offset = since.Offset;
            request.Epoch = since.Epoch;
        }

        var flags = SubscriptionFlagsResolver.Resolve(ns, command.Override, null, serverSide: true);
        var outcome = await SubscribeCoreAsync(channel, ns, request, flags, command.ChannelInfo, command.Data, command.ExpireAt).ConfigureAwait(false);
        var result = outcome.Result;
        var push = new Subscribe
        {
            Recoverable = result.Recoverable,
            Epoch = result.Epoch,
            Offset = result.Offset,
            Positioned = result.Positioned,
            Data = result.Data,
        };
        EnqueuePush(new Push { Channel = channel, Subscribe = push });
        foreach (var publication in result.Publications)
        {
            EnqueuePush(new Push { Channel = channel, Pub = publication });
        }

        outcome.Live.Start();
        var now = UnixNow(_node.Time);
        if (command.ExpireAt > 0)
        {
            var delay = TimeSpan.FromSeconds(Math.Max(0, command.ExpireAt - now)) + _node.Config.Client.ExpiredSubCloseDelay;
            _node.Timers.Schedule(this, TimerKind.SubscriptionExpiry, delay);
        }
    }

    /// <summary>
    /// Refresh by the server: an expired refresh closes the connection with 3005; otherwise the
    /// connection gets the new expiry (0 = never) and, when given, new connection info.
    /// Unidirectional clients are told the new expiry with a <c>refresh</c> push.
    /// </summary>
    internal async Task RefreshByServerAsync(UserCommand command)
    {
        if (_state != ConnectionState.Connected)
        {
            return;
        }

        var now = UnixNow(_node.Time);
        if (command.Expired || (command.ExpireAt > 0 && command.ExpireAt <= now))
        {
            await DisconnectAsync(DisconnectReason.Expired).ConfigureAwait(false);
            return;
        }

        ExpireAt = command.ExpireAt;
        if (command.ConnectionInfo is not null)
        {
            ConnInfo = command.ConnectionInfo;
        }

        if (ExpireAt > 0)
        {
            _node.Timers.Schedule(this, TimerKind.Expiry, TimeSpan.FromSeconds(ExpireAt - now) + _node.Config.Client.ExpiredCloseDelay);
        }

        if (Unidirectional)
        {
            var refresh = new Refresh { Expires = ExpireAt > 0, Ttl = ExpireAt > 0 ? (uint)(ExpireAt - now) : 0 };
            EnqueuePush(new Push { Refresh = refresh });
        }
    }
}
