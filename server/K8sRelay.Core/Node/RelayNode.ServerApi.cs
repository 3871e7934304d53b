using K8sRelay.Core.Clients;
using K8sRelay.Core.Engines;
using K8sRelay.Protocol;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Node;

/// <summary>
/// Node-level operations of the server API. Commands aimed at a user's connections go through
/// <see cref="ApplyAsync"/>: applied here, then relayed to other nodes by
/// <see cref="CommandRelay"/> when one is set (see <see cref="IServerCommandRelay"/>).
/// </summary>
public sealed partial class RelayNode
{
    private IServerCommandRelay? _commandRelay;

    /// <summary>
    /// Delivers user commands to other nodes and gathers their info; null on a single node.
    /// Set once at start by the engine that spans nodes.
    /// </summary>
    public IServerCommandRelay? CommandRelay
    {
        get => Volatile.Read(ref _commandRelay);
        set => Volatile.Write(ref _commandRelay, value);
    }

    /// <summary>Applies a user command on this node, then relays it to the other nodes.</summary>
    public async ValueTask ApplyAsync(UserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await ApplyLocallyAsync(command, cancellationToken).ConfigureAwait(false);
        if (CommandRelay is { } relay)
        {
            await relay.RelayAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies a user command to this node's matching connections only. Failures of single
    /// connections are logged, not thrown, as in Centrifugo. Called by a relay for commands
    /// that came from another node.
    /// </summary>
    public async ValueTask ApplyLocallyAsync(UserCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var client in Hub.UserClients(command.User))
        {
            if (!Matches(client, command))
            {
                continue;
            }

            try
            {
                await ApplyToClientAsync(client, command, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.UserCommandFailed(_logger, command.Kind, client.ClientId, ex);
            }
        }
    }

    /// <summary>This node's <c>info</c> entry.</summary>
    public NodeInfo LocalInfo() => new(
        Id, Name, Version, Hub.ClientCount, Hub.UserCount, Hub.ChannelCount, Hub.SubscriptionCount, UptimeSeconds);

    /// <summary>Every node's <c>info</c> entry: this node first, then the ones the relay reports.</summary>
    public async ValueTask<IReadOnlyList<NodeInfo>> NodesAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<NodeInfo> { LocalInfo() };
        if (CommandRelay is { } relay)
        {
            nodes.AddRange(await relay.OtherNodesAsync(cancellationToken).ConfigureAwait(false));
        }

        return nodes;
    }

    /// <summary>
    /// Channels with subscribers across the cluster and their subscriber counts, keeping those
    /// whose name passes <paramref name="filter"/> (null keeps all).
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<string, int>> ActiveChannelsAsync(Func<string, bool>? filter, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (channel, count) in Hub.Channels())
        {
            if (count > 0 && (filter is null || filter(channel)))
            {
                result[channel] = count;
            }
        }

        if (CommandRelay is { } relay)
        {
            foreach (var (channel, count) in await relay.OtherNodesChannelsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (count > 0 && (filter is null || filter(channel)))
                {
                    result[channel] = result.GetValueOrDefault(channel) + count;
                }
            }
        }

        return result;
    }

    /// <summary>Presence set of a channel: client id to client info.</summary>
    public ValueTask<IReadOnlyDictionary<string, ClientInfo>> PresenceAsync(string channel, CancellationToken cancellationToken) =>
        Presence.PresenceAsync(channel, cancellationToken);

    /// <summary>Counts of a channel's presence set.</summary>
    public ValueTask<PresenceStats> PresenceStatsAsync(string channel, CancellationToken cancellationToken) =>
        Presence.PresenceStatsAsync(channel, cancellationToken);

    /// <summary>Removes a channel's history publications; the stream position is kept.</summary>
    public ValueTask RemoveHistoryAsync(string channel, CancellationToken cancellationToken) =>
        Broker.RemoveHistoryAsync(channel, cancellationToken);

    private static bool Matches(ClientConnection client, UserCommand command)
    {
        if (command.Client.Length > 0 && client.ClientId != command.Client)
        {
            return false;
        }

        if (command.Session.Length > 0 && client.SessionId != command.Session)
        {
            return false;
        }

        return command.Kind != UserCommandKind.Disconnect || !command.Whitelist.Contains(client.ClientId);
    }

    private static Task ApplyToClientAsync(ClientConnection client, UserCommand command, CancellationToken cancellationToken) => command.Kind switch
    {
        UserCommandKind.Subscribe => client.SubscribeByServerAsync(command, cancellationToken),
        UserCommandKind.Unsubscribe => client.UnsubscribeByServerAsync(command.Channel, UnsubscribeReason.Server),
        UserCommandKind.Disconnect => client.DisconnectAsync(command.DisconnectReason ?? DisconnectReason.ForceNoReconnect),
        UserCommandKind.Refresh => client.RefreshByServerAsync(command),
        _ => Task.CompletedTask,
    };

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Warning, "Server API {Kind} command failed for client {ClientId}")]
        public static partial void UserCommandFailed(ILogger logger, UserCommandKind kind, string clientId, Exception exception);
    }
}
