using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using K8sRelay.Protocol.Codecs.Json;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// The JSON client protocol. Property names are the proto snake_case names; zero and empty fields are
/// left out except the few the protocol always writes (<c>ClientInfo.user</c>/<c>client</c>,
/// <c>PresenceResult.presence</c>, <c>PresenceStatsResult.num_clients</c>/<c>num_users</c>,
/// <c>HistoryResult.publications</c>/<c>epoch</c>/<c>offset</c>); results and pushes that are set are
/// written even when empty. <c>bytes</c> fields are raw embedded JSON values both ways: decoding keeps
/// the exact JSON text of the value, encoding writes the bytes verbatim minus raw <c>\n</c>/<c>\r</c>
/// (the caller guarantees they hold valid JSON). Decoding skips unknown properties and <c>null</c>
/// values. Stateless and thread-safe; use <see cref="ClientCodecs.Json"/>.
/// </summary>
public sealed class JsonClientCodec : IClientCodec, IClientSideCodec
{
    private delegate T MessageReader<T>(ref JsonMessageReader reader);

    internal JsonClientCodec()
    {
    }

    /// <inheritdoc cref="IClientCodec.Protocol"/>
    public ProtocolType Protocol => ProtocolType.Json;

    /// <summary>
    /// Decodes a frame of <c>\n</c>-separated commands, in order. The frame may end with one
    /// <c>\n</c>; an empty frame, an empty message or any malformed message fails the whole frame
    /// (nothing is appended then).
    /// </summary>
    /// <exception cref="ProtocolDecodeException">The frame is empty or malformed.</exception>
    public void DecodeCommands(ReadOnlySpan<byte> frame, List<Command> commands) =>
        DecodeFrame(frame, commands, static (ref JsonMessageReader reader) => reader.ReadCommand());

    /// <summary>Encodes a reply as one JSON object without newline; an empty reply is <c>{}</c> (ping).</summary>
    public byte[] EncodeReply(Reply reply, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        JsonWriterCache.Encode((reply, flags), static (writer, state) => JsonMessageWriter.WriteReply(writer, state.reply, state.flags));

    /// <inheritdoc cref="IClientCodec.WriteReply"/>
    public void WriteReply(Reply reply, IBufferWriter<byte> output, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        JsonWriterCache.Write(output, (reply, flags), static (writer, state) => JsonMessageWriter.WriteReply(writer, state.reply, state.flags));

    /// <inheritdoc cref="IClientCodec.EncodePublicationPush"/>
    public byte[] EncodePublicationPush(string channel, Publication publication, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        JsonWriterCache.Encode(
            (channel, publication, flags),
            static (writer, state) => JsonMessageWriter.WritePublicationPushReply(writer, state.channel, state.publication, state.flags));

    /// <summary>Encodes a bare push object (unidirectional transports); an empty push is <c>{}</c> (ping).</summary>
    public byte[] EncodePush(Push push) =>
        JsonWriterCache.Encode(push, static (writer, state) => JsonMessageWriter.WritePush(writer, state, ReplyEncodingFlags.None));

    /// <summary>Decodes a bare connect request object, e.g. <c>{"token":"…","subs":{…}}</c>.</summary>
    /// <exception cref="ProtocolDecodeException">Malformed input.</exception>
    public ConnectRequest DecodeConnectRequest(ReadOnlySpan<byte> data) =>
        DecodeSingle(data, static (ref JsonMessageReader reader) => reader.ReadConnectRequest());

    /// <inheritdoc cref="IClientSideCodec.EncodeCommand"/>
    public byte[] EncodeCommand(Command command) =>
        JsonWriterCache.Encode(command, static (writer, state) => JsonMessageWriter.WriteCommand(writer, state));

    /// <summary>Encodes commands as one frame joined by <c>\n</c>, without a trailing newline.</summary>
    public byte[] EncodeCommands(IEnumerable<Command> commands)
    {
        var frame = new ArrayBufferWriter<byte>();
        foreach (var command in commands)
        {
            if (frame.WrittenCount != 0)
            {
                frame.Write("\n"u8);
            }

            WriteCommand(command, frame);
        }

        return frame.WrittenSpan.ToArray();
    }

    /// <summary>Writes one command (no newline) into <paramref name="output"/>.</summary>
    public void WriteCommand(Command command, IBufferWriter<byte> output) =>
        JsonWriterCache.Write(output, command, static (writer, state) => JsonMessageWriter.WriteCommand(writer, state));

    /// <inheritdoc cref="IClientSideCodec.EncodeConnectRequest"/>
    public byte[] EncodeConnectRequest(ConnectRequest request) =>
        JsonWriterCache.Encode(request, static (writer, state) => JsonMessageWriter.WriteConnectRequest(writer, state));

    /// <inheritdoc cref="IClientSideCodec.DecodeReplies"/>
    public void DecodeReplies(ReadOnlySpan<byte> frame, List<Reply> replies) =>
        DecodeFrame(frame, replies, static (ref JsonMessageReader reader) => reader.ReadReply());

    /// <inheritdoc cref="IClientSideCodec.DecodePush"/>
    public Push DecodePush(ReadOnlySpan<byte> data) =>
        DecodeSingle(data, static (ref JsonMessageReader reader) => reader.ReadPush());

    private static void DecodeFrame<T>(ReadOnlySpan<byte> frame, List<T> output, MessageReader<T> read)
    {
        if (frame.IsEmpty)
        {
            throw new ProtocolDecodeException("empty frame");
        }

        if (frame[^1] == (byte)'\n')
        {
            frame = frame[..^1];
        }

        var initialCount = output.Count;
        try
        {
            while (true)
            {
                var newline = frame.IndexOf((byte)'\n');
                var message = newline < 0 ? frame : frame[..newline];
                output.Add(DecodeSingle(message, read));
                if (newline < 0)
                {
                    return;
                }

                frame = frame[(newline + 1)..];
            }
        }
        catch (ProtocolDecodeException)
        {
            output.RemoveRange(initialCount, output.Count - initialCount);
            throw;
        }
    }

    private static T DecodeSingle<T>(ReadOnlySpan<byte> json, MessageReader<T> read)
    {
        if (json.IsEmpty)
        {
            throw new ProtocolDecodeException("empty message");
        }

        // The reader checks UTF-8 only in values it transcodes; raw bytes fields and names need this.
        if (!Utf8.IsValid(json))
        {
            throw new ProtocolDecodeException("message is not valid UTF-8");
        }

        try
        {
            var reader = new JsonMessageReader(json);
            reader.ReadDocumentStart();
            var message = read(ref reader);
            reader.ReadDocumentEnd();
            return message;
        }
        catch (JsonException ex)
        {
            throw new ProtocolDecodeException("invalid JSON: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ProtocolDecodeException("invalid JSON value: " + ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new ProtocolDecodeException("invalid JSON value: " + ex.Message, ex);
        }
    }
}
