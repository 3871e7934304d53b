using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    /// <summary>Runs one command. Returns false when the connection was closed.</summary>
    private async ValueTask<bool> HandleCommandAsync(Command command)
    {
        switch (_state)
        {
            case ConnectionState.Closed:
                return false;
            case ConnectionState.ConnectFailed:
                await DisconnectAsync(DisconnectReason.BadRequest).ConfigureAwait(false);
                return false;
            case ConnectionState.Connecting:
                if (command.Connect is null || command.Id == 0)
                {
                    // Anything before a successful connect is a protocol violation.
                    await DisconnectAsync(DisconnectReason.BadRequest).ConfigureAwait(false);
                    return false;
                }

                return await RunGuardedAsync(command, () => HandleConnectAsync(command)).ConfigureAwait(false);
        }

        if (command.Id == 0 && command.Send is null)
        {
            return await HandlePongAsync().ConfigureAwait(false);
        }

        if (command.Connect is not null)
        {
            await DisconnectAsync(DisconnectReason.BadRequest).ConfigureAwait(false);
            return false;
        }

        return await RunGuardedAsync(command, () => DispatchAsync(command)).ConfigureAwait(false);
    }

    private ValueTask<bool> DispatchAsync(Command command)
    {
        if (command.Subscribe is { } subscribe)
        {
            return HandleSubscribeAsync(command.Id, subscribe);
        }

        if (command.Unsubscribe is { } unsubscribe)
        {
            return HandleUnsubscribeAsync(command.Id, unsubscribe);
        }

        if (command.Publish is { } publish)
        {
            return HandlePublishAsync(command.Id, publish);
        }

        if (command.Presence is { } presence)
        {
            return HandlePresenceAsync(command.Id, presence);
        }

        if (command.PresenceStats is { } presenceStats)
        {
            return HandlePresenceStatsAsync(command.Id, presenceStats);
        }

        if (command.History is { } history)
        {
            return HandleHistoryAsync(command.Id, history);
        }

        if (command.Rpc is { } rpc)
        {
            return HandleRpcAsync(command.Id, rpc);
        }

        if (command.Send is not null)
        {
            // Centrifugo OSS has no asynchronous message handler.
            throw new DisconnectException(DisconnectReason.NotAvailable);
        }

        if (command.Refresh is { } refresh)
        {
            return HandleRefreshAsync(command.Id, refresh);
        }

        if (command.SubRefresh is { } subRefresh)
        {
            return HandleSubRefreshAsync(command.Id, subRefresh);
        }

        // A command with an id but no known request (ping included).
        throw new DisconnectException(DisconnectReason.BadRequest);
    }

    /// <summary>Turns handler exceptions into error replies or disconnects.</summary>
    private async ValueTask<bool> RunGuardedAsync(Command command, Func<ValueTask<bool>> handler)
    {
        var id = command.Id;
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (ProtocolErrorException ex)
        {
            _node.Metrics.ReplyError(command, ex.Error.Code);
            SendError(id, ex.Error);
            return true;
        }
        catch (DisconnectException ex)
        {
            await DisconnectAsync(ex.Disconnect).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (_state == ConnectionState.Closed)
        {
            return false;
        }
        catch (Exception ex)
        {
            Log.CommandFailed(_logger, ClientId, ex);
            _node.Metrics.ReplyError(command, ProtocolError.Internal.Code);
            SendError(id, ProtocolError.Internal);
            return true;
        }
    }
}
