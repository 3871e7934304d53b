using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Diagnostics;

/// <summary>Finds the <see cref="FrameType"/> of protocol messages and names it as Centrifugo labels it.</summary>
public static class FrameTypes
{
    private static readonly string[] Labels =
    [
        "unknown", "server_ping", "client_pong", "push_connect", "push_subscribe", "push_publication", "push_join", "push_leave",
        "push_unsubscribe", "push_message", "push_refresh", "push_disconnect", "connect", "subscribe", "publish", "unsubscribe",
        "rpc", "presence", "presence_stats", "history", "refresh", "sub_refresh", "send",
    ];

    /// <summary>The label value, e.g. <c>push_publication</c>.</summary>
    public static string Label(this FrameType type) => (int)type < Labels.Length ? Labels[(int)type] : "unknown";

    /// <summary>The frame type of a push.</summary>
    public static FrameType Of(Push push)
    {
        ArgumentNullException.ThrowIfNull(push);
        return push switch
        {
            { Pub: not null } => FrameType.PushPublication,
            { Join: not null } => FrameType.PushJoin,
            { Leave: not null } => FrameType.PushLeave,
            { Unsubscribe: not null } => FrameType.PushUnsubscribe,
            { Subscribe: not null } => FrameType.PushSubscribe,
            { Message: not null } => FrameType.PushMessage,
            { Refresh: not null } => FrameType.PushRefresh,
            { Disconnect: not null } => FrameType.PushDisconnect,
            { Connect: not null } => FrameType.PushConnect,
            _ => FrameType.Unknown,
        };
    }

    /// <summary>The frame type of a client command; an empty command is the client's pong.</summary>
    public static FrameType Of(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            { Connect: not null } => FrameType.Connect,
            { Subscribe: not null } => FrameType.Subscribe,
            { Unsubscribe: not null } => FrameType.Unsubscribe,
            { Publish: not null } => FrameType.Publish,
            { Presence: not null } => FrameType.Presence,
            { PresenceStats: not null } => FrameType.PresenceStats,
            { History: not null } => FrameType.History,
            { Rpc: not null } => FrameType.Rpc,
            { Send: not null } => FrameType.Send,
            { Refresh: not null } => FrameType.Refresh,
            { SubRefresh: not null } => FrameType.SubRefresh,
            { Id: 0 } => FrameType.ClientPong,
            _ => FrameType.Unknown,
        };
    }

    /// <summary>
    /// The frame type of a reply: a push inside it, else the result it carries, else
    /// <paramref name="answering"/> (the command being answered, for error replies).
    /// </summary>
    public static FrameType Of(Reply reply, FrameType answering)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply switch
        {
            { Push: { } push } => Of(push),
            { Connect: not null } => FrameType.Connect,
            { Subscribe: not null } => FrameType.Subscribe,
            { Unsubscribe: not null } => FrameType.Unsubscribe,
            { Publish: not null } => FrameType.Publish,
            { Presence: not null } => FrameType.Presence,
            { PresenceStats: not null } => FrameType.PresenceStats,
            { History: not null } => FrameType.History,
            { Rpc: not null } => FrameType.Rpc,
            { Refresh: not null } => FrameType.Refresh,
            { SubRefresh: not null } => FrameType.SubRefresh,
            _ => answering,
        };
    }
}
