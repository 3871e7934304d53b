using System.Text.Json;
using Google.Protobuf;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>
/// Writes server API replies as Centrifugo's JSON: snake_case names, zero values left out except
/// where Centrifugo always writes them, <c>data</c>/<c>info</c> as raw JSON (a payload that is not
/// JSON, published as base64, is written base64 under <c>b64data</c>/<c>b64info</c>-style names).
/// </summary>
internal static partial class ApiJsonWriter
{
    /// <summary>Writes <c>{"result":{…}}</c> or <c>{"error":{…}}</c> (per-method and legacy replies).</summary>
    public static void WriteEnvelope(Utf8JsonWriter writer, Reply reply, uint id = 0)
    {
        writer.WriteStartObject();
        if (id != 0)
        {
            writer.WriteNumber("id", id);
        }

        if (reply.Error is { } error)
        {
            writer.WritePropertyName("error");
            WriteError(writer, error);
        }
        else
        {
            writer.WritePropertyName("result");
            WriteResult(writer, reply);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a batch reply: <c>{"error":{…}}</c> or the result under the command's name.</summary>
    public static void WriteBatchReply(Utf8JsonWriter writer, Reply reply)
    {
        writer.WriteStartObject();
        if (reply.Error is { } error)
        {
            writer.WritePropertyName("error");
            WriteError(writer, error);
        }
        else
        {
            writer.WritePropertyName(ResultName(reply));
            WriteResult(writer, reply);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"code":N,"message":"…"}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, Error error)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
    }

    /// <summary>Writes the result object of the reply (an empty object for results without fields).</summary>
    public static void WriteResult(Utf8JsonWriter writer, Reply reply)
    {
        writer.WriteStartObject();
        switch (reply)
        {
            case { Publish: { } publish }:
                WritePublish(writer, publish);
                break;
            case { Broadcast: { } broadcast }:
                WriteBroadcast(writer, broadcast);
                break;
            case { Presence: { } presence }:
                WritePresence(writer, presence);
                break;
            case { PresenceStats: { } stats }:
                writer.WriteNumber("num_clients", stats.NumClients);
                writer.WriteNumber("num_users", stats.NumUsers);
                break;
            case { History: { } history }:
                WriteHistory(writer, history);
                break;
            case { Channels: { } channels }:
                WriteChannels(writer, channels);
                break;
            case { Info: { } info }:
                WriteInfo(writer, info);
                break;
            case { Rpc: { } rpc }:
                WritePayload(writer, "data", rpc.Data);
                break;
        }

        writer.WriteEndObject();
    }

    private static string ResultName(Reply reply) => reply switch
    {
        { Publish: not null } => "publish",
        { Broadcast: not null } => "broadcast",
        { Subscribe: not null } => "subscribe",
        { Unsubscribe: not null } => "unsubscribe",
        { Disconnect: not null } => "disconnect",
        { Refresh: not null } => "refresh",
        { Presence: not null } => "presence",
        { PresenceStats: not null } => "presence_stats",
        { History: not null } => "history",
        { HistoryRemove: not null } => "history_remove",
        { Channels: not null } => "channels",
        { Info: not null } => "info",
        { Rpc: not null } => "rpc",
        _ => "result",
    };

    private static void WritePublish(Utf8JsonWriter writer, PublishResult publish)
    {
        if (publish.Offset != 0)
        {
            writer.WriteNumber("offset", publish.Offset);
        }

        if (publish.Epoch.Length > 0)
        {
            writer.WriteString("epoch", publish.Epoch);
        }
    }

    private static void WriteBroadcast(Utf8JsonWriter writer, BroadcastResult broadcast)
    {
        writer.WriteStartArray("responses");
        foreach (var response in broadcast.Responses)
        {
            WriteEnvelope(writer, new Reply { Error = response.Error, Publish = response.Result ?? new PublishResult() });
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes raw JSON bytes under <paramref name="name"/>, or base64 under <c>b64</c>+name when they are not JSON; nothing when empty.</summary>
    private static void WritePayload(Utf8JsonWriter writer, string name, ByteString payload)
    {
        if (payload.Length == 0)
        {
            return;
        }

        if (IsJson(payload.Span))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(payload.Span, skipInputValidation: true);
        }
        else
        {
            writer.WriteString("b64" + name.Replace("_", string.Empty, StringComparison.Ordinal), payload.ToBase64());
        }
    }

    private static bool IsJson(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed == bytes.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
