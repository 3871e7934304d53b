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
        return FrameTypes.Of(command) switch
        {
            FrameType.ClientPong => "ping",
            FrameType.Unknown => command.Ping is not null ? "ping" : "unknown",
            var type => type.Label(),
        };
    }
}
