using System.Text.Json;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs;

/// <summary>
/// Decodes the body of <c>POST /emulation</c>, the client → server half of the HTTP-streaming and SSE
/// transports. JSON: <c>{"session":"…","node":"…","data":"&lt;command frame as a JSON string&gt;"}</c>.
/// Protobuf: an <see cref="EmulationRequest"/> message without a length prefix whose <c>data</c> holds
/// length-delimited commands. Thread-safe.
/// </summary>
public static class EmulationRequestParser
{
    /// <summary>Decodes a body of the given protocol.</summary>
    /// <exception cref="ProtocolDecodeException">The body cannot be decoded (answer 400).</exception>
    public static EmulationRequestBody Parse(ReadOnlySpan<byte> body, ProtocolType protocol) =>
        protocol == ProtocolType.Protobuf ? ParseProtobuf(body) : ParseJson(body);

    /// <summary>
    /// Decodes a JSON body. <c>session</c> and <c>node</c> must be strings (or <c>null</c>); unknown
    /// members are ignored; <c>data</c> is unescaped into the UTF-8 command frame it contains. A
    /// <c>data</c> that is missing or not a string yields <see cref="EmulationRequestBody.HasData"/> false.
    /// </summary>
    /// <exception cref="ProtocolDecodeException">The body is not a JSON object of that shape.</exception>
    public static EmulationRequestBody ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ProtocolDecodeException("emulation body must be a JSON object");
            }

            var session = string.Empty;
            var node = string.Empty;
            ReadOnlyMemory<byte> data = default;
            var hasData = false;
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                if (reader.ValueTextEquals("session"u8))
                {
                    Next(ref reader);
                    session = ReadOptionalString(ref reader, "session");
                }
                else if (reader.ValueTextEquals("node"u8))
                {
                    Next(ref reader);
                    node = ReadOptionalString(ref reader, "node");
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    Next(ref reader);
                    hasData = reader.TokenType == JsonTokenType.String;
                    data = hasData ? Unescape(ref reader) : default;
                    reader.Skip();
                }
                else
                {
                    Next(ref reader);
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new ProtocolDecodeException("unexpected content after the emulation body");
            }

            return new EmulationRequestBody(session, node, data, hasData);
        }
        catch (JsonException ex)
        {
            throw new ProtocolDecodeException("invalid JSON emulation body: " + ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ProtocolDecodeException("invalid JSON emulation body: " + ex.Message, ex);
        }
    }

    /// <summary>Decodes a Protobuf <see cref="EmulationRequest"/> body (no length prefix).</summary>
    /// <exception cref="ProtocolDecodeException">The body is not a valid message.</exception>
    public static EmulationRequestBody ParseProtobuf(ReadOnlySpan<byte> body)
    {
        var request = ProtobufClientCodec.Parse(EmulationRequest.Parser, body);
        return new EmulationRequestBody(request.Session, request.Node, request.Data.Memory, HasData: true);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ProtocolDecodeException("truncated emulation body");
        }

        return reader.TokenType;
    }

    private static string ReadOptionalString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Null => string.Empty,
        _ => throw new ProtocolDecodeException($"emulation {name} must be a string"),
    };

    private static byte[] Unescape(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        var buffer = new byte[reader.ValueSpan.Length];
        var length = reader.CopyString(buffer);
        return length == buffer.Length ? buffer : buffer[..length];
    }
}
