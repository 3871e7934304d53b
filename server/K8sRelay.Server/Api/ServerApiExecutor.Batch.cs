using K8sRelay.Server.Diagnostics;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>Runs single commands of the batch and legacy formats, and whole batches.</summary>
public sealed partial class ServerApiExecutor
{
    /// <summary>
    /// Runs one command (the set field names the method) and returns its reply: the error, or the
    /// result in the field named after the command. A command with no method set is a 104.
    /// </summary>
    public async Task<Reply> ExecuteAsync(Command command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Publish is { } publish)
        {
            var response = await PublishAsync(publish, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Publish = response.Result };
        }

        if (command.Broadcast is { } broadcast)
        {
            var response = await BroadcastAsync(broadcast, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Broadcast = response.Result };
        }

        if (command.Subscribe is { } subscribe)
        {
            var response = await SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Subscribe = response.Result };
        }

        if (command.Unsubscribe is { } unsubscribe)
        {
            var response = await UnsubscribeAsync(unsubscribe, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Unsubscribe = response.Result };
        }

        if (command.Disconnect is { } disconnect)
        {
            var response = await DisconnectAsync(disconnect, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Disconnect = response.Result };
        }

        if (command.Refresh is { } refresh)
        {
            var response = await RefreshAsync(refresh, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Refresh = response.Result };
        }

        return await ExecuteQueryAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a batch: one reply per command, in command order, sequentially or all at once when
    /// <paramref name="parallel"/>. A null command (JSON <c>null</c>) gets a 107.
    /// </summary>
    /// <remarks>
    /// The batch call itself succeeds; each command answered with an error counts in
    /// <c>centrifugo_api_command_errors_total</c> under its own method and <paramref name="protocol"/>.
    /// </remarks>
    public async Task<BatchResponse> BatchAsync(IReadOnlyList<Command?> commands, bool parallel, string protocol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var response = new BatchResponse();
        if (parallel)
        {
            var tasks = commands.Select(command => ExecuteOrRejectAsync(command, cancellationToken)).ToList();
            foreach (var task in tasks)
            {
                response.Replies.Add(await task.ConfigureAwait(false));
            }
        }
        else
        {
            foreach (var command in commands)
            {
                response.Replies.Add(await ExecuteOrRejectAsync(command, cancellationToken).ConfigureAwait(false));
            }
        }

        for (var i = 0; i < commands.Count; i++)
        {
            CountInnerError(protocol, commands[i], response.Replies[i]);
        }

        return response;
    }

    /// <summary>
    /// Counts the error of a command answered inside a batch or legacy response (where the call itself succeeds)
    /// under the command's own method.
    /// </summary>
    internal void CountInnerError(string protocol, Command? command, Reply reply) =>
        CountInnerError(protocol, ApiMethodNames.FromCommand(command), reply);

    /// <summary>As <see cref="CountInnerError(string, Command?, Reply)"/>, with the method's label given.</summary>
    internal void CountInnerError(string protocol, string methodLabel, Reply reply)
    {
        if (reply.Error is { } error)
        {
            _node.Metrics.ApiError(protocol, methodLabel, ApiCallErrors.Label(error.Code));
        }
    }

    /// <summary>Runs a batch given as the GRPC message.</summary>
    public Task<BatchResponse> BatchAsync(BatchRequest request, string protocol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BatchAsync([.. request.Commands], request.Parallel, protocol, cancellationToken);
    }

    private Task<Reply> ExecuteOrRejectAsync(Command? command, CancellationToken cancellationToken) =>
        command is null
            ? Task.FromResult(new Reply { Error = ApiErrors.BadRequest("command is null") })
            : ExecuteAsync(command, cancellationToken);

    private async Task<Reply> ExecuteQueryAsync(Command command, CancellationToken cancellationToken)
    {
        if (command.Presence is { } presence)
        {
            var response = await PresenceAsync(presence, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Presence = response.Result };
        }

        if (command.PresenceStats is { } presenceStats)
        {
            var response = await PresenceStatsAsync(presenceStats, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, PresenceStats = response.Result };
        }

        if (command.History is { } history)
        {
            var response = await HistoryAsync(history, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, History = response.Result };
        }

        if (command.HistoryRemove is { } historyRemove)
        {
            var response = await HistoryRemoveAsync(historyRemove, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, HistoryRemove = response.Result };
        }

        if (command.Channels is { } channels)
        {
            var response = await ChannelsAsync(channels, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Channels = response.Result };
        }

        if (command.Info is { } info)
        {
            var response = await InfoAsync(info, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Info = response.Result };
        }

        if (command.Rpc is { } rpc)
        {
            var response = await RpcAsync(rpc, cancellationToken).ConfigureAwait(false);
            return new Reply { Error = response.Error, Rpc = response.Result };
        }

        return new Reply { Error = ApiErrors.NotFound() };
    }
}
