using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Hub;

/// <summary>A join or leave push, encoded at most once per protocol.</summary>
internal sealed class PreparedJoinLeave
{
    private readonly Push _push;
    private byte[]? _json;
    private byte[]? _protobuf;

    public PreparedJoinLeave(string channel, Engines.ClientInfo info, bool isJoin)
    {
        ClientId = info.Client;
        var message = PublicationMapper.ToMessage(info);
        _push = isJoin
            ? new Push { Channel = channel, Join = new Join { Info = message } }
            : new Push { Channel = channel, Leave = new Leave { Info = message } };
    }

    /// <summary>The client the event is about.</summary>
    public string ClientId { get; }

    /// <summary>The encoded push reply for a protocol.</summary>
    public byte[] Encoded(ProtocolType protocol)
    {
        if (protocol == ProtocolType.Json)
        {
            return _json ??= ClientCodecs.Json.EncodeReply(new Reply { Push = _push });
        }

        return _protobuf ??= ClientCodecs.Protobuf.EncodeReply(new Reply { Push = _push });
    }

    /// <summary>The bare push for unidirectional transports.</summary>
    public Push Push => _push;
}
