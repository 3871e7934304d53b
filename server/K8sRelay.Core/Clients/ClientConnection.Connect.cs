using K8sRelay.Core.Auth;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    /// <summary>The client name and version labels of this connection's metrics, set on connect.</summary>
    private ClientMetricLabels _metricLabels = ClientMetricLabels.Unnamed;

    private async ValueTask<bool> HandleConnectAsync(Command command)
    {
        var request = command.Connect;
        var settings = _node.Config.Client;
        ConnectTokenClaims? claims = null;
        string user;

        if (request.Token.Length > 0)
        {
            try
            {
                claims = await _node.TokenVerifier.VerifyConnectTokenAsync(request.Token, _closing.Token).ConfigureAwait(false);
            }
            catch (TokenExpiredException)
            {
                return FailConnect(command.Id, ProtocolError.TokenExpired);
            }
            catch (InvalidTokenException ex)
            {
                Log.ConnectRejected(_logger, ClientId, ex.Message);
                throw new DisconnectException(DisconnectReason.InvalidToken);
            }
            catch (TokenVerificationUnavailableException ex)
            {
                // Not the client's fault (JWKS endpoint down or slow): temporary 100, the client retries.
                Log.ConnectRejected(_logger, ClientId, ex.Message);
                return FailConnect(command.Id, ProtocolError.Internal);
            }

            if (claims.UserId.Length == 0 && settings.DisallowAnonymousConnectionTokens)
            {
                throw new DisconnectException(DisconnectReason.PermissionDenied);
            }

            user = claims.UserId;
        }
        else if (!string.IsNullOrEmpty(RequestInfo.HeaderUserId))
        {
            user = RequestInfo.HeaderUserId;
        }
        else if (settings.AllowAnonymousConnectWithoutToken || settings.Insecure)
        {
            user = string.Empty;
        }
        else
        {
            Log.ConnectRejected(_logger, ClientId, "no credentials");
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        if (settings.UserConnectionLimit > 0 && user.Length > 0 && _node.Hub.UserClientCount(user) >= settings.UserConnectionLimit)
        {
            throw new DisconnectException(DisconnectReason.ConnectionLimit);
        }

        // client.insecure: connections never expire, as in Centrifugo.
        var expireAt = settings.Insecure ? 0 : claims?.ExpireAt ?? 0;
        var now = UnixNow(_node.Time);
        if (expireAt > 0 && expireAt <= now)
        {
            return FailConnect(command.Id, ProtocolError.Expired);
        }

        var serverSubs = ServerSubscriptionPlanner.Plan(_node, user, claims, request);
        if (serverSubs.Count > settings.ChannelLimit && settings.ChannelLimit > 0)
        {
            throw new DisconnectException(DisconnectReason.ChannelLimit);
        }

        UserId = user;
        ConnInfo = claims?.Info;
        ExpireAt = expireAt;
        lock (_gate)
        {
            if (_state != ConnectionState.Connecting)
            {
                return false;
            }

            _state = ConnectionState.Connected;
        }

        _metricLabels = _node.Metrics.ClientLabels.For(request.Name, request.Version);
        _node.Hub.AddClient(this);
        _node.Metrics.ClientConnected(TransportName, _metricLabels);

        var result = new ConnectResult { Client = ClientId, Version = RelayNode.Version };
        if (expireAt > 0)
        {
            result.Expires = true;
            result.Ttl = (uint)(expireAt - now);
        }

        var pingInterval = settings.PingInterval;
        if (pingInterval > TimeSpan.Zero && !Unidirectional)
        {
            result.Ping = (uint)pingInterval.TotalSeconds;
            result.Pong = settings.PongTimeout > TimeSpan.Zero;
        }
        else if (pingInterval > TimeSpan.Zero)
        {
            result.Ping = (uint)pingInterval.TotalSeconds;
        }

        if (_transport.Emulation || Unidirectional)
        {
            result.Session = RequestInfo.Session ?? ClientId;
        }

        if (_transport.Emulation)
        {
            result.Node = _node.Id;
        }

        if (settings.ConnectIncludeServerTime)
        {
            result.Time = _node.Time.GetUtcNow().ToUnixTimeMilliseconds();
        }

        var pending = new List<PendingLive>(serverSubs.Count);
        foreach (var plan in serverSubs)
        {
            var outcome = await SubscribeCoreAsync(plan.Channel, plan.Namespace, plan.Request, plan.Flags, plan.ChanInfo, plan.Data, plan.ExpireAt).ConfigureAwait(false);
            result.Subs[plan.Channel] = outcome.Result;
            pending.Add(outcome.Live);
        }

        if (Unidirectional)
        {
            EnqueuePush(new Push { Connect = ToConnectPush(result) });
        }
        else
        {
            SendReply(new Reply { Id = command.Id, Connect = result });
        }

        foreach (var live in pending)
        {
            live.Start();
        }

        ScheduleAfterConnect(expireAt, now);
        Log.Connected(_logger, ClientId, user, _transport.Name);
        await EnforceSingleConnectionAsync(user).ConfigureAwait(false);
        return true;
    }

    private bool FailConnect(uint id, ProtocolError error)
    {
        if (Unidirectional)
        {
            // Unidirectional clients get no error reply: ConnectUnidirectionalAsync reports it.
            throw new ProtocolErrorException(error);
        }

        lock (_gate)
        {
            if (_state == ConnectionState.Connecting)
            {
                _state = ConnectionState.ConnectFailed;
            }
        }

        _node.Metrics.ReplyError("connect", error.Code);
        SendError(id, error);
        _node.Timers.Schedule(this, TimerKind.CloseAfterConnectError, TimeSpan.FromSeconds(5));

        // Keep reading: the client closes the transport itself after a connect error.
        return true;
    }

    private void ScheduleAfterConnect(long expireAt, long now)
    {
        var settings = _node.Config.Client;
        if (settings.PingInterval > TimeSpan.Zero)
        {
            // The first ping goes out at a random point in [interval/2, interval) to spread load.
            var half = settings.PingInterval.TotalMilliseconds / 2;
            var first = TimeSpan.FromMilliseconds(half + (Random.Shared.NextDouble() * half));
            _node.Timers.Schedule(this, TimerKind.Ping, first);
        }

        if (expireAt > 0)
        {
            _node.Timers.Schedule(this, TimerKind.Expiry, TimeSpan.FromSeconds(expireAt - now) + settings.ExpiredCloseDelay);
        }

        if (settings.PresenceUpdateInterval > TimeSpan.Zero)
        {
            _node.Timers.Schedule(this, TimerKind.PresenceUpdate, settings.PresenceUpdateInterval);
        }
    }

    private static Connect ToConnectPush(ConnectResult result)
    {
        var push = new Connect
        {
            Client = result.Client,
            Version = result.Version,
            Data = result.Data,
            Expires = result.Expires,
            Ttl = result.Ttl,
            Ping = result.Ping,
            Pong = result.Pong,
            Session = result.Session,
            Node = result.Node,
            Time = result.Time,
        };
        push.Subs.Add(result.Subs);
        return push;
    }
}
