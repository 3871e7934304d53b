using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Diagnostics;

/// <summary>The method names Centrifugo uses in metric labels for client protocol commands.</summary>
public static class CommandNames
{
    /// <summary>
    /// Name of the request a command carries: <c>connect</c>, <c>subscribe</c>, <c>publish</c>, … ; an empty
    /// command (the client's pong) is <c>ping</c>, a command with no known request <c>unknown</c>.
    /// </summary>
    public static string Of(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            { Connect: not null } => "connect",
            { Subscribe: not null } => "subscribe",
            { Unsubscribe: not null } => "unsubscribe",
            { Publish: not null } => "publish",
            { Presence: not null } => "presence",
            { PresenceStats: not null } => "presence_stats",
            { History: not null } => "history",
            { Rpc: not null } => "rpc",
            { Send: not null } => "send",
            { Refresh: not null } => "refresh",
            { SubRefresh: not null } => "sub_refresh",
            { Ping: not null } => "ping",
            { Id: 0 } => "ping",
            _ => "unknown",
        };
    }
}
