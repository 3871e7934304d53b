using System.Text;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Server.Grpc.Api;
using EngineStreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Server.Api;

/// <summary>Commands aimed at a user's connections: subscribe, unsubscribe, disconnect, refresh.</summary>
public sealed partial class ServerApiExecutor
{
    /// <summary>Largest WebSocket close reason in bytes.</summary>
    private const int MaxDisconnectReasonBytes = 123;

    /// <summary><c>subscribe</c>: subscribes the user's connections to a channel on the server's side.</summary>
    public async Task<SubscribeResponse> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[]? info = null;
        byte[]? data = null;
        var error = RequireUser(request.User) ?? ResolveChannel(request.Channel, out _)
            ?? ReadOptionalPayload(request.Info, request.B64Info, "info", out info)
            ?? ReadOptionalPayload(request.Data, request.B64Data, "data", out data);
        if (error is not null)
        {
            return new SubscribeResponse { Error = error };
        }

        var command = new UserCommand
        {
            Kind = UserCommandKind.Subscribe,
            User = request.User,
            Client = request.Client,
            Session = request.Session,
            Channel = request.Channel,
            ChannelInfo = info,
            Data = data,
            ExpireAt = request.ExpireAt,
            RecoverSince = request.RecoverSince is { } since ? new EngineStreamPosition(since.Offset, since.Epoch) : null,
            Override = ToOverride(request.Override),
        };
        var failure = await ApplyAsync("subscribe", command, cancellationToken).ConfigureAwait(false);
        return failure is null ? new SubscribeResponse { Result = new SubscribeResult() } : new SubscribeResponse { Error = failure };
    }

    /// <summary><c>unsubscribe</c>: unsubscribes the user's connections from a channel (push code 2000).</summary>
    public async Task<UnsubscribeResponse> UnsubscribeAsync(UnsubscribeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = RequireUser(request.User) ?? ResolveChannel(request.Channel, out _);
        if (error is not null)
        {
            return new UnsubscribeResponse { Error = error };
        }

        var command = new UserCommand
        {
            Kind = UserCommandKind.Unsubscribe,
            User = request.User,
            Client = request.Client,
            Session = request.Session,
            Channel = request.Channel,
        };
        var failure = await ApplyAsync("unsubscribe", command, cancellationToken).ConfigureAwait(false);
        return failure is null ? new UnsubscribeResponse { Result = new UnsubscribeResult() } : new UnsubscribeResponse { Error = failure };
    }

    /// <summary>
    /// <c>disconnect</c>: closes the user's connections (except the whitelisted client ids) with
    /// the given code and reason, or 3503 "force disconnect" when none is given.
    /// </summary>
    public async Task<DisconnectResponse> DisconnectAsync(DisconnectRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = RequireUser(request.User);
        DisconnectReason? reason = null;
        if (error is null && request.Disconnect is { } custom)
        {
            if (custom.Code is < 3000 or > 4999)
            {
                error = ApiErrors.BadRequest("disconnect code must be between 3000 and 4999");
            }
            else if (Encoding.UTF8.GetByteCount(custom.Reason) > MaxDisconnectReasonBytes)
            {
                error = ApiErrors.BadRequest($"disconnect reason longer than {MaxDisconnectReasonBytes} bytes");
            }
            else
            {
                reason = new DisconnectReason(custom.Code, custom.Reason);
            }
        }

        if (error is not null)
        {
            return new DisconnectResponse { Error = error };
        }

        var command = new UserCommand
        {
            Kind = UserCommandKind.Disconnect,
            User = request.User,
            Client = request.Client,
            Session = request.Session,
            DisconnectReason = reason,
            Whitelist = [.. request.Whitelist],
        };
        var failure = await ApplyAsync("disconnect", command, cancellationToken).ConfigureAwait(false);
        return failure is null ? new DisconnectResponse { Result = new DisconnectResult() } : new DisconnectResponse { Error = failure };
    }

    /// <summary><c>refresh</c>: sets a new expiry and info on the user's connections, or expires them.</summary>
    public async Task<RefreshResponse> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = RequireUser(request.User);
        if (error is not null)
        {
            return new RefreshResponse { Error = error };
        }

        var command = new UserCommand
        {
            Kind = UserCommandKind.Refresh,
            User = request.User,
            Client = request.Client,
            Session = request.Session,
            Expired = request.Expired,
            ExpireAt = request.ExpireAt,
            ConnectionInfo = request.Info.Length > 0 ? request.Info.ToByteArray() : null,
        };
        var failure = await ApplyAsync("refresh", command, cancellationToken).ConfigureAwait(false);
        return failure is null ? new RefreshResponse { Result = new RefreshResult() } : new RefreshResponse { Error = failure };
    }

    private static Error? RequireUser(string user) => user.Length == 0 ? ApiErrors.BadRequest("user required") : null;

    private async Task<Error?> ApplyAsync(string method, UserCommand command, CancellationToken cancellationToken)
    {
        try
        {
            await _node.ApplyAsync(command, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failure(method, ex);
        }
    }

    private static SubscriptionOverride? ToOverride(SubscribeOptionOverride? value)
    {
        if (value is null)
        {
            return null;
        }

        return new SubscriptionOverride
        {
            Presence = value.Presence?.Value,
            JoinLeave = value.JoinLeave?.Value,
            ForcePushJoinLeave = value.ForcePushJoinLeave?.Value,
            ForceRecovery = value.ForceRecovery?.Value,
            ForcePositioning = value.ForcePositioning?.Value,
        };
    }
}
