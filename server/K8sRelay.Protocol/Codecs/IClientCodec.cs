using System.Buffers;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// Encodes and decodes client protocol messages of one <see cref="ProtocolType"/>.
/// Implementations are stateless and thread-safe.
/// </summary>
public interface IClientCodec
{
    /// <summary>The encoding this codec speaks.</summary>
    ProtocolType Protocol { get; }

    /// <summary>
    /// Decodes every command of one transport frame, in order, appending them to <paramref name="commands"/>.
    /// JSON: messages separated by <c>\n</c> (one trailing newline allowed). Protobuf: varint length-delimited.
    /// </summary>
    /// <exception cref="ProtocolDecodeException">The frame is empty or malformed.</exception>
    void DecodeCommands(ReadOnlySpan<byte> frame, List<Command> commands);

    /// <summary>
    /// Encodes one reply as a self-contained message: JSON without any newline, Protobuf with its varint
    /// length prefix. The result can be shared by many connections and concatenated into frames
    /// (the writer inserts <c>\n</c> between JSON messages).
    /// </summary>
    byte[] EncodeReply(Reply reply, ReplyEncodingFlags flags = ReplyEncodingFlags.None);

    /// <summary>Encodes a bare push (unidirectional transports), same framing rules as <see cref="EncodeReply"/>.</summary>
    byte[] EncodePush(Push push);

    /// <summary>Decodes a bare connect request (unidirectional transports).</summary>
    /// <exception cref="ProtocolDecodeException">Malformed input.</exception>
    ConnectRequest DecodeConnectRequest(ReadOnlySpan<byte> data);

    /// <summary>
    /// Encodes the reply <c>{push:{channel, pub}}</c> for one publication: the same bytes as
    /// <see cref="EncodeReply"/> of that reply, built without intermediate message objects. Encode once
    /// per protocol and flag combination and share the array across all subscribers.
    /// </summary>
    byte[] EncodePublicationPush(string channel, Publication publication, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        EncodeReply(new Reply { Push = new Push { Channel = channel, Pub = publication } }, flags);

    /// <summary>
    /// Writes the same bytes as <see cref="EncodeReply"/> straight into <paramref name="output"/>
    /// (for replies sent to a single connection, which need no shared array).
    /// </summary>
    void WriteReply(Reply reply, IBufferWriter<byte> output, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        output.Write(EncodeReply(reply, flags));
}
