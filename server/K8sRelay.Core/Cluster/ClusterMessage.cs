using K8sRelay.Core.Node;

namespace K8sRelay.Core.Cluster;

/// <summary>
/// One message on the control bus between nodes, serialized as JSON. <see cref="Kind"/> says which of the
/// optional fields are set; <see cref="From"/> is the sending node's id (broadcasts also reach their sender,
/// which ignores them).
/// </summary>
internal sealed record ClusterMessage
{
    /// <summary>One of the <see cref="ClusterMessageKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Id of the node that sent the message.</summary>
    public required string From { get; init; }

    /// <summary><see cref="ClusterMessageKinds.NodeInfo"/>: what the sender reports about itself.</summary>
    public NodeInfo? Node { get; init; }

    /// <summary><see cref="ClusterMessageKinds.NodeInfo"/>: true when the receiver should answer with its own info at once (a new node).</summary>
    public bool WantsReply { get; init; }

    /// <summary><see cref="ClusterMessageKinds.Command"/>: the server API command to apply to local connections.</summary>
    public UserCommand? Command { get; init; }

    /// <summary>Surveys and their replies: the id that pairs them.</summary>
    public string? SurveyId { get; init; }

    /// <summary><see cref="ClusterMessageKinds.ChannelsReply"/>: channels with subscribers on the sender and their counts.</summary>
    public Dictionary<string, int>? Channels { get; init; }

    /// <summary><see cref="ClusterMessageKinds.Emulation"/>: the emulation session the data is for.</summary>
    public string? Session { get; init; }

    /// <summary><see cref="ClusterMessageKinds.Emulation"/>: the command frame sent by the client.</summary>
    public byte[]? Data { get; init; }
}
