using System.Buffers;
using System.Text;
using Google.Protobuf;
using K8sRelay.Protocol.Codecs.Protobuf;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// The Protobuf client protocol: messages of <c>client.proto</c>, each preceded by its length as an
/// unsigned varint. An empty command or reply is the single byte <c>0x00</c>. <c>bytes</c> fields carry
/// arbitrary bytes; <see cref="ReplyEncodingFlags"/> do not apply. Every decoding failure surfaces as
/// <see cref="ProtocolDecodeException"/>. Stateless and thread-safe; use <see cref="ClientCodecs.Protobuf"/>.
/// </summary>
public sealed class ProtobufClientCodec : IClientCodec, IClientSideCodec
{
    /// <summary>Tag byte of field 2 with wire type 2 (length-delimited): <c>Push.channel</c>.</summary>
    private const byte ChannelTag = (2 << 3) | 2;

    /// <summary>Tag byte of field 4 with wire type 2 (length-delimited): <c>Reply.push</c> and <c>Push.pub</c>.</summary>
    private const byte Field4Tag = (4 << 3) | 2;

    internal ProtobufClientCodec()
    {
    }

    /// <inheritdoc cref="IClientCodec.Protocol"/>
    public ProtocolType Protocol => ProtocolType.Protobuf;

    /// <summary>
    /// Decodes a frame of length-delimited commands, in order. An empty frame, a bad prefix, a length
    /// beyond the frame or an undecodable message fails the whole frame (nothing is appended then).
    /// </summary>
    /// <exception cref="ProtocolDecodeException">The frame is empty or malformed.</exception>
    public void DecodeCommands(ReadOnlySpan<byte> frame, List<Command> commands) =>
        DecodeFrame(frame, commands, Command.Parser);

    /// <summary>Encodes a length-prefixed reply; an empty reply is <c>0x00</c> (ping). Flags are ignored.</summary>
    public byte[] EncodeReply(Reply reply, ReplyEncodingFlags flags = ReplyEncodingFlags.None) => EncodeDelimited(reply);

    /// <inheritdoc cref="IClientCodec.WriteReply"/>
    public void WriteReply(Reply reply, IBufferWriter<byte> output, ReplyEncodingFlags flags = ReplyEncodingFlags.None)
    {
        var size = reply.CalculateSize();
        var total = VarintFraming.SizeOf((uint)size) + size;
        var destination = output.GetSpan(total)[..total];
        var prefix = VarintFraming.Write(destination, (uint)size);
        reply.WriteTo(destination[prefix..]);
        output.Advance(total);
    }

    /// <inheritdoc cref="IClientCodec.EncodePublicationPush"/>
    public byte[] EncodePublicationPush(string channel, Publication publication, ReplyEncodingFlags flags = ReplyEncodingFlags.None)
    {
        var channelBytes = Encoding.UTF8.GetByteCount(channel);
        var publicationSize = publication.CalculateSize();
        var pushSize = 1 + VarintFraming.SizeOf((uint)publicationSize) + publicationSize;
        if (channelBytes != 0)
        {
            pushSize += 1 + VarintFraming.SizeOf((uint)channelBytes) + channelBytes;
        }

        var replySize = 1 + VarintFraming.SizeOf((uint)pushSize) + pushSize;
        var result = new byte[VarintFraming.SizeOf((uint)replySize) + replySize];
        var span = result.AsSpan();
        var position = VarintFraming.Write(span, (uint)replySize);
        span[position++] = Field4Tag;
        position += VarintFraming.Write(span[position..], (uint)pushSize);
        if (channelBytes != 0)
        {
            span[position++] = ChannelTag;
            position += VarintFraming.Write(span[position..], (uint)channelBytes);
            position += Encoding.UTF8.GetBytes(channel, span[position..]);
        }

        span[position++] = Field4Tag;
        position += VarintFraming.Write(span[position..], (uint)publicationSize);
        publication.WriteTo(span[position..]);
        return result;
    }

    /// <summary>Encodes a length-prefixed bare push.</summary>
    public byte[] EncodePush(Push push) => EncodeDelimited(push);

    /// <summary>Decodes a connect request given as the bare message, without a length prefix (as a gRPC frame carries it).</summary>
    /// <exception cref="ProtocolDecodeException">Malformed input.</exception>
    public ConnectRequest DecodeConnectRequest(ReadOnlySpan<byte> data) => Parse(ConnectRequest.Parser, data);

    /// <inheritdoc cref="IClientSideCodec.EncodeCommand"/>
    public byte[] EncodeCommand(Command command) => EncodeDelimited(command);

    /// <summary>Encodes commands as one frame of concatenated length-prefixed messages.</summary>
    public byte[] EncodeCommands(IEnumerable<Command> commands)
    {
        var frame = new ArrayBufferWriter<byte>();
        foreach (var command in commands)
        {
            frame.Write(EncodeDelimited(command));
        }

        return frame.WrittenSpan.ToArray();
    }

    /// <summary>Encodes a bare connect request without a length prefix.</summary>
    public byte[] EncodeConnectRequest(ConnectRequest request) => request.ToByteArray();

    /// <inheritdoc cref="IClientSideCodec.DecodeReplies"/>
    public void DecodeReplies(ReadOnlySpan<byte> frame, List<Reply> replies) => DecodeFrame(frame, replies, Reply.Parser);

    /// <summary>Decodes one length-prefixed push that must fill <paramref name="data"/> exactly.</summary>
    /// <exception cref="ProtocolDecodeException">Malformed input.</exception>
    public Push DecodePush(ReadOnlySpan<byte> data)
    {
        var message = VarintFraming.ReadMessage(ref data);
        if (!data.IsEmpty)
        {
            throw new ProtocolDecodeException("unexpected bytes after the push");
        }

        return Parse(Push.Parser, message);
    }

    /// <summary>Parses one bare message, translating every parser failure into <see cref="ProtocolDecodeException"/>.</summary>
    internal static T Parse<T>(MessageParser<T> parser, ReadOnlySpan<byte> data)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(data);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ProtocolDecodeException("invalid protobuf message: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ProtocolDecodeException("invalid protobuf message: " + ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new ProtocolDecodeException("invalid protobuf message: " + ex.Message, ex);
        }
    }

    private static byte[] EncodeDelimited(IMessage message)
    {
        var size = message.CalculateSize();
        var prefix = VarintFraming.SizeOf((uint)size);
        var result = new byte[prefix + size];
        VarintFraming.Write(result, (uint)size);
        message.WriteTo(result.AsSpan(prefix));
        return result;
    }

    private static void DecodeFrame<T>(ReadOnlySpan<byte> frame, List<T> output, MessageParser<T> parser)
        where T : IMessage<T>
    {
        if (frame.IsEmpty)
        {
            throw new ProtocolDecodeException("empty frame");
        }

        var initialCount = output.Count;
        try
        {
            while (!frame.IsEmpty)
            {
                output.Add(Parse(parser, VarintFraming.ReadMessage(ref frame)));
            }
        }
        catch (ProtocolDecodeException)
        {
            output.RemoveRange(initialCount, output.Count - initialCount);
            throw;
        }
    }
}
