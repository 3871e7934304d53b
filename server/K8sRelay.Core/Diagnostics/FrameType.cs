namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// What a message between client and server is, for the <c>frame_type</c> label of
/// <c>centrifugo_transport_messages_sent</c> and <c>_received</c>: pushes, the server's ping and the client's pong,
/// and the command a reply answers (or a client frame carries).
/// </summary>
public enum FrameType : byte
{
    Unknown,
    ServerPing,
    ClientPong,
    PushConnect,
    PushSubscribe,
    PushPublication,
    PushJoin,
    PushLeave,
    PushUnsubscribe,
    PushMessage,
    PushRefresh,
    PushDisconnect,
    Connect,
    Subscribe,
    Publish,
    Unsubscribe,
    Rpc,
    Presence,
    PresenceStats,
    History,
    Refresh,
    SubRefresh,
    Send,
}
