using Google.Protobuf;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;
using K8sRelay.Server.Grpc.Api;
using EngineClientInfo = K8sRelay.Core.Engines.ClientInfo;
using EngineHistoryFilter = K8sRelay.Core.Engines.HistoryFilter;
using EngineHistoryOptions = K8sRelay.Core.Engines.HistoryOptions;
using EngineStreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Server.Api;

/// <summary>Channel and node queries: presence, presence_stats, history, history_remove, channels, info, rpc.</summary>
public sealed partial class ServerApiExecutor
{
    /// <summary><c>presence</c>: the channel's presence set (108 when presence is off for the channel).</summary>
    public async Task<PresenceResponse> PresenceAsync(PresenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = ResolveChannel(request.Channel, out var ns) ?? (ns.Options.Presence ? null : ApiErrors.NotAvailable());
        if (error is not null)
        {
            return new PresenceResponse { Error = error };
        }

        try
        {
            _node.Metrics.Action(NodeActions.Presence);
            var presence = await _node.PresenceAsync(request.Channel, cancellationToken).ConfigureAwait(false);
            var result = new PresenceResult();
            foreach (var (clientId, info) in presence)
            {
                result.Presence[clientId] = ToMessage(info);
            }

            return new PresenceResponse { Result = result };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PresenceResponse { Error = Failure("presence", ex) };
        }
    }

    /// <summary><c>presence_stats</c>: numbers of clients and users in the channel's presence set.</summary>
    public async Task<PresenceStatsResponse> PresenceStatsAsync(PresenceStatsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = ResolveChannel(request.Channel, out var ns) ?? (ns.Options.Presence ? null : ApiErrors.NotAvailable());
        if (error is not null)
        {
            return new PresenceStatsResponse { Error = error };
        }

        try
        {
            _node.Metrics.Action(NodeActions.PresenceStats);
            var stats = await _node.PresenceStatsAsync(request.Channel, cancellationToken).ConfigureAwait(false);
            return new PresenceStatsResponse
            {
                Result = new PresenceStatsResult { NumClients = (uint)stats.NumClients, NumUsers = (uint)stats.NumUsers },
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PresenceStatsResponse { Error = Failure("presence_stats", ex) };
        }
    }

    /// <summary>
    /// <c>history</c>: publications and the stream position. <c>limit</c> 0 returns the position
    /// only, a negative limit returns everything kept; <c>since</c> with another epoch is a 112.
    /// </summary>
    public async Task<HistoryResponse> HistoryAsync(HistoryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = ResolveChannel(request.Channel, out var ns) ?? (ns.HasHistory ? null : ApiErrors.NotAvailable());
        if (error is not null)
        {
            return new HistoryResponse { Error = error };
        }

        try
        {
            var since = request.Since is { } position ? new EngineStreamPosition(position.Offset, position.Epoch) : (EngineStreamPosition?)null;
            var filter = new EngineHistoryFilter(since, request.Limit < 0 ? -1 : request.Limit, request.Reverse);
            var metaTtl = ns.Options.HistoryMetaTtl > TimeSpan.Zero ? ns.Options.HistoryMetaTtl : _node.Config.Channel.HistoryMetaTtl;
            _node.Metrics.Action(NodeActions.History);
            var history = await _node.Broker.HistoryAsync(request.Channel, new EngineHistoryOptions(filter, metaTtl), cancellationToken).ConfigureAwait(false);
            var result = new HistoryResult { Epoch = history.Position.Epoch ?? string.Empty, Offset = history.Position.Offset };
            foreach (var publication in history.Publications)
            {
                var message = new Publication { Data = UnsafeByteOperations.UnsafeWrap(publication.Data), Offset = publication.Offset };
                if (publication.Info is { } info)
                {
                    message.Info = ToMessage(info);
                }

                if (publication.Tags is { Count: > 0 } tags)
                {
                    foreach (var (key, value) in tags)
                    {
                        message.Tags[key] = value;
                    }
                }

                result.Publications.Add(message);
            }

            return new HistoryResponse { Result = result };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HistoryResponse { Error = Failure("history", ex) };
        }
    }

    /// <summary><c>history_remove</c>: drops the channel's publications (108 when history is off).</summary>
    public async Task<HistoryRemoveResponse> HistoryRemoveAsync(HistoryRemoveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = ResolveChannel(request.Channel, out var ns) ?? (ns.HasHistory ? null : ApiErrors.NotAvailable());
        if (error is not null)
        {
            return new HistoryRemoveResponse { Error = error };
        }

        try
        {
            _node.Metrics.Action(NodeActions.HistoryRemove);
            await _node.RemoveHistoryAsync(request.Channel, cancellationToken).ConfigureAwait(false);
            return new HistoryRemoveResponse { Result = new HistoryRemoveResult() };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HistoryRemoveResponse { Error = Failure("history_remove", ex) };
        }
    }

    /// <summary><c>channels</c>: active channels with their subscriber counts, filtered by a glob <c>pattern</c>.</summary>
    public async Task<ChannelsResponse> ChannelsAsync(ChannelsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChannelPattern? pattern = null;
        if (request.Pattern.Length > 0 && !ChannelPattern.TryCreate(request.Pattern, out pattern, out var problem))
        {
            return new ChannelsResponse { Error = ApiErrors.BadRequest("invalid pattern: " + problem) };
        }

        try
        {
            var channels = await _node.ActiveChannelsAsync(pattern is null ? null : pattern.IsMatch, cancellationToken).ConfigureAwait(false);
            var result = new ChannelsResult();
            foreach (var (channel, count) in channels)
            {
                result.Channels[channel] = new ChannelInfo { NumClients = (uint)count };
            }

            return new ChannelsResponse { Result = result };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ChannelsResponse { Error = Failure("channels", ex) };
        }
    }

    /// <summary><c>info</c>: every node with its counts, uptime and version.</summary>
    public async Task<InfoResponse> InfoAsync(InfoRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var result = new InfoResult();
            foreach (var node in await _node.NodesAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Nodes.Add(ToMessage(node));
            }

            return new InfoResponse { Result = result };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new InfoResponse { Error = Failure("info", ex) };
        }
    }

    /// <summary><c>rpc</c>: the server has no RPC extensions, so any method is 104 (an empty one is 107).</summary>
    public Task<RPCResponse> RpcAsync(RPCRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var error = request.Method.Length == 0 ? ApiErrors.BadRequest("method required") : ApiErrors.NotFound();
        return Task.FromResult(new RPCResponse { Error = error });
    }

    private static ClientInfo ToMessage(EngineClientInfo info)
    {
        var message = new ClientInfo { User = info.User, Client = info.Client };
        if (info.ConnInfo is { Length: > 0 } connInfo)
        {
            message.ConnInfo = UnsafeByteOperations.UnsafeWrap(connInfo);
        }

        if (info.ChanInfo is { Length: > 0 } chanInfo)
        {
            message.ChanInfo = UnsafeByteOperations.UnsafeWrap(chanInfo);
        }

        return message;
    }

    private static NodeResult ToMessage(NodeInfo node) => new()
    {
        Uid = node.Id,
        Name = node.Name,
        Version = node.Version,
        NumClients = (uint)node.NumClients,
        NumUsers = (uint)node.NumUsers,
        NumChannels = (uint)node.NumChannels,
        NumSubs = (uint)node.NumSubscriptions,
        Uptime = (uint)Math.Clamp(node.UptimeSeconds, 0, uint.MaxValue),
    };
}
