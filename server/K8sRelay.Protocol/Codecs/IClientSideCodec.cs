using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// The client's half of the protocol: encodes commands and decodes replies and pushes, with the same
/// framing as the server half in <see cref="IClientCodec"/>. Used by test clients and tools.
/// Implementations are stateless and thread-safe.
/// </summary>
public interface IClientSideCodec
{
    /// <summary>The encoding this codec speaks.</summary>
    ProtocolType Protocol { get; }

    /// <summary>Encodes one command as a self-contained message (JSON without newline, Protobuf length-prefixed).</summary>
    byte[] EncodeCommand(Command command);

    /// <summary>Encodes several commands as one frame: JSON joined by <c>\n</c>, Protobuf concatenated.</summary>
    byte[] EncodeCommands(IEnumerable<Command> commands);

    /// <summary>Encodes a bare connect request (unidirectional transports), the input of <see cref="IClientCodec.DecodeConnectRequest"/>.</summary>
    byte[] EncodeConnectRequest(ConnectRequest request);

    /// <summary>Decodes every reply of one frame, in order, appending them to <paramref name="replies"/>.</summary>
    /// <exception cref="ProtocolDecodeException">The frame is empty or malformed.</exception>
    void DecodeReplies(ReadOnlySpan<byte> frame, List<Reply> replies);

    /// <summary>Decodes one bare push as produced by <see cref="IClientCodec.EncodePush"/>.</summary>
    /// <exception cref="ProtocolDecodeException">Malformed input.</exception>
    Push DecodePush(ReadOnlySpan<byte> data);
}
