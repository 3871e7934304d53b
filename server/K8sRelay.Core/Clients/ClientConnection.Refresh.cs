using K8sRelay.Core.Auth;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    private async ValueTask<bool> HandleRefreshAsync(uint id, RefreshRequest request)
    {
        if (request.Token.Length == 0)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        ConnectTokenClaims claims;
        try
        {
            claims = await _node.TokenVerifier.VerifyConnectTokenAsync(request.Token, _closing.Token).ConfigureAwait(false);
        }
        catch (TokenExpiredException)
        {
            throw new DisconnectException(DisconnectReason.Expired);
        }
        catch (InvalidTokenException ex)
        {
            Log.ConnectRejected(_logger, ClientId, ex.Message);
            throw new DisconnectException(DisconnectReason.InvalidToken);
        }

        if (claims.UserId != UserId)
        {
            throw new DisconnectException(DisconnectReason.InvalidToken);
        }

        var now = UnixNow(_node.Time);
        if (claims.ExpireAt > 0 && claims.ExpireAt <= now)
        {
            throw new ProtocolErrorException(ProtocolError.Expired);
        }

        ExpireAt = claims.ExpireAt;
        if (claims.Info is not null)
        {
            ConnInfo = claims.Info;
        }

        var result = new RefreshResult { Client = ClientId, Version = RelayNode.Version };
        if (ExpireAt > 0)
        {
            result.Expires = true;
            result.Ttl = (uint)(ExpireAt - now);
            _node.Timers.Schedule(this, TimerKind.Expiry, TimeSpan.FromSeconds(ExpireAt - now) + _node.Config.Client.ExpiredCloseDelay);
        }

        SendReply(new Reply { Id = id, Refresh = result });
        return true;
    }

    private async ValueTask<bool> HandleSubRefreshAsync(uint id, SubRefreshRequest request)
    {
        var channel = request.Channel;
        if (channel.Length == 0)
        {
            throw new DisconnectException(DisconnectReason.BadRequest);
        }

        var subscription = FindSubscription(channel) ?? throw new ProtocolErrorException(ProtocolError.PermissionDenied);
        if (request.Token.Length == 0)
        {
            throw new ProtocolErrorException(ProtocolError.BadRequest);
        }

        SubscriptionTokenClaims claims;
        try
        {
            claims = await _node.TokenVerifier.VerifySubscriptionTokenAsync(request.Token, _closing.Token).ConfigureAwait(false);
        }
        catch (TokenExpiredException)
        {
            throw new DisconnectException(DisconnectReason.Expired);
        }
        catch (InvalidTokenException ex)
        {
            Log.SubscribeRejected(_logger, ClientId, channel, ex.Message);
            throw new DisconnectException(DisconnectReason.InvalidToken);
        }

        if (claims.Channel != channel || claims.UserId != UserId || (claims.Client.Length > 0 && claims.Client != ClientId))
        {
            throw new DisconnectException(DisconnectReason.InvalidToken);
        }

        var now = UnixNow(_node.Time);
        if (claims.ExpireAt > 0 && claims.ExpireAt <= now)
        {
            throw new ProtocolErrorException(ProtocolError.Expired);
        }

        subscription.ExpireAt = claims.ExpireAt;
        var result = new SubRefreshResult();
        if (claims.ExpireAt > 0)
        {
            result.Expires = true;
            result.Ttl = (uint)(claims.ExpireAt - now);
            _node.Timers.Schedule(this, TimerKind.SubscriptionExpiry, TimeSpan.FromSeconds(claims.ExpireAt - now) + _node.Config.Client.ExpiredSubCloseDelay);
        }

        SendReply(new Reply { Id = id, SubRefresh = result });
        return true;
    }
}
