namespace K8sRelay.Core.Node;

/// <summary>
/// The seam between the node's server API operations and other nodes of a cluster. The node
/// always applies a command to its own connections first; then, when a relay is set
/// (<see cref="RelayNode.CommandRelay"/>), it hands the command to the relay, which delivers it to
/// every other node. A receiving node calls <see cref="RelayNode.ApplyLocallyAsync"/> and must not
/// relay again. The relay also gathers what other nodes report for <c>info</c> and <c>channels</c>.
/// A single-node server has no relay. Implementations are thread-safe.
/// </summary>
public interface IServerCommandRelay
{
    /// <summary>Delivers a user command to every other node (not this one).</summary>
    ValueTask RelayAsync(UserCommand command, CancellationToken cancellationToken);

    /// <summary>Returns what the other nodes currently report about themselves (not this node).</summary>
    ValueTask<IReadOnlyList<NodeInfo>> OtherNodesAsync(CancellationToken cancellationToken);

    /// <summary>Returns the channels with subscribers on other nodes and their subscriber counts (not this node).</summary>
    ValueTask<IReadOnlyDictionary<string, int>> OtherNodesChannelsAsync(CancellationToken cancellationToken);
}
