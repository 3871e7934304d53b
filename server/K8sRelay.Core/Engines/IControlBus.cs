namespace K8sRelay.Core.Engines;

/// <summary>
/// Carries control messages between nodes (node info, disconnect/unsubscribe/subscribe/refresh requests,
/// emulation forwarding). The memory engine delivers only to the local node.
/// </summary>
public interface IControlBus
{
    /// <summary>Sets the receiver of control messages. Called once at start.</summary>
    void RegisterControlHandler(Func<byte[], ValueTask> handler);

    /// <summary>
    /// Sets the receiver of control messages and names the local node, so that messages sent with
    /// <c>toNodeId</c> equal to <paramref name="nodeId"/> reach it. Called once at start instead of
    /// <see cref="RegisterControlHandler(Func{byte[], ValueTask})"/>; buses that span nodes need this overload to
    /// receive messages addressed to one node.
    /// </summary>
    void RegisterControlHandler(string nodeId, Func<byte[], ValueTask> handler) => RegisterControlHandler(handler);

    /// <summary>
    /// True when other nodes can be on the other end (Redis, NATS); false for a bus that only loops back to
    /// the local node, in which case the node does not run cluster control traffic at all.
    /// </summary>
    bool SpansNodes => true;

    /// <summary>Sends a control message to every node (including this one), or to one node when <paramref name="toNodeId"/> is set.</summary>
    ValueTask PublishControlAsync(byte[] message, string? toNodeId, CancellationToken cancellationToken);
}
