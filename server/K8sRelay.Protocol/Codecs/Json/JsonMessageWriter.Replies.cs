using System.Text.Json;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs.Json;

/// <content>Server → client: the reply envelope and the result of every command.</content>
internal static partial class JsonMessageWriter
{
    /// <summary>
    /// Writes a reply. Every result that is set is written, even when empty (<c>"publish":{}</c>);
    /// <c>error</c> only when set. An empty reply becomes <c>{}</c> (server ping).
    /// </summary>
    public static void WriteReply(Utf8JsonWriter writer, Reply reply, ReplyEncodingFlags flags)
    {
        writer.WriteStartObject();
        WriteNonZero(writer, JsonNames.Id, reply.Id);
        if (reply.Error is { } error)
        {
            writer.WritePropertyName(JsonNames.Error);
            WriteError(writer, error);
        }

        if (reply.Push is { } push)
        {
            writer.WritePropertyName(JsonNames.Push);
            WritePush(writer, push, flags);
        }

        if (reply.Connect is { } connect)
        {
            writer.WritePropertyName(JsonNames.Connect);
            WriteConnectResult(writer, connect);
        }

        if (reply.Subscribe is { } subscribe)
        {
            writer.WritePropertyName(JsonNames.Subscribe);
            WriteSubscribeResult(writer, subscribe, flags);
        }

        WriteEmptyObjectIfSet(writer, JsonNames.Unsubscribe, reply.Unsubscribe);
        WriteEmptyObjectIfSet(writer, JsonNames.Publish, reply.Publish);
        if (reply.Presence is { } presence)
        {
            writer.WritePropertyName(JsonNames.Presence);
            WritePresenceResult(writer, presence);
        }

        if (reply.PresenceStats is { } stats)
        {
            writer.WriteStartObject(JsonNames.PresenceStats);
            writer.WriteNumber(JsonNames.NumClients, stats.NumClients);
            writer.WriteNumber(JsonNames.NumUsers, stats.NumUsers);
            writer.WriteEndObject();
        }

        if (reply.History is { } history)
        {
            writer.WritePropertyName(JsonNames.History);
            WriteHistoryResult(writer, history);
        }

        WriteEmptyObjectIfSet(writer, JsonNames.Ping, reply.Ping);
        if (reply.Rpc is { } rpc)
        {
            writer.WriteStartObject(JsonNames.Rpc);
            WriteRawIfPresent(writer, JsonNames.Data, rpc.Data);
            writer.WriteEndObject();
        }

        if (reply.Refresh is { } refresh)
        {
            writer.WriteStartObject(JsonNames.Refresh);
            WriteNonEmpty(writer, JsonNames.Client, refresh.Client);
            WriteNonEmpty(writer, JsonNames.Version, refresh.Version);
            WriteIfTrue(writer, JsonNames.Expires, refresh.Expires);
            WriteNonZero(writer, JsonNames.Ttl, refresh.Ttl);
            writer.WriteEndObject();
        }

        if (reply.SubRefresh is { } subRefresh)
        {
            writer.WriteStartObject(JsonNames.SubRefresh);
            WriteIfTrue(writer, JsonNames.Expires, subRefresh.Expires);
            WriteNonZero(writer, JsonNames.Ttl, subRefresh.Ttl);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>{"push":{"channel":…,"pub":{…}}}</c> straight from its parts, the same bytes as
    /// <see cref="WriteReply"/> of that reply.
    /// </summary>
    public static void WritePublicationPushReply(Utf8JsonWriter writer, string channel, Publication publication, ReplyEncodingFlags flags)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(JsonNames.Push);
        WriteNonEmpty(writer, JsonNames.Channel, channel);
        writer.WritePropertyName(JsonNames.Pub);
        WritePublication(writer, publication, flags);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEmptyObjectIfSet(Utf8JsonWriter writer, JsonEncodedText name, object? result)
    {
        if (result is not null)
        {
            writer.WriteStartObject(name);
            writer.WriteEndObject();
        }
    }

    private static void WriteError(Utf8JsonWriter writer, Error error)
    {
        writer.WriteStartObject();
        WriteNonZero(writer, JsonNames.Code, error.Code);
        WriteNonEmpty(writer, JsonNames.Message, error.Message);
        WriteIfTrue(writer, JsonNames.Temporary, error.Temporary);
        writer.WriteEndObject();
    }

    private static void WriteConnectResult(Utf8JsonWriter writer, ConnectResult result)
    {
        writer.WriteStartObject();
        WriteNonEmpty(writer, JsonNames.Client, result.Client);
        WriteNonEmpty(writer, JsonNames.Version, result.Version);
        WriteIfTrue(writer, JsonNames.Expires, result.Expires);
        WriteNonZero(writer, JsonNames.Ttl, result.Ttl);
        WriteRawIfPresent(writer, JsonNames.Data, result.Data);
        WriteSubscribeResultMap(writer, result.Subs);
        WriteNonZero(writer, JsonNames.Ping, result.Ping);
        WriteIfTrue(writer, JsonNames.Pong, result.Pong);
        WriteNonEmpty(writer, JsonNames.Session, result.Session);
        WriteNonEmpty(writer, JsonNames.Node, result.Node);
        WriteNonZero(writer, JsonNames.Time, result.Time);
        WriteNonZero(writer, JsonNames.Flag, result.Flag);
        writer.WriteEndObject();
    }

    private static void WriteSubscribeResultMap(Utf8JsonWriter writer, Google.Protobuf.Collections.MapField<string, SubscribeResult> subs)
    {
        if (subs.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(JsonNames.Subs);
        foreach (var entry in subs)
        {
            writer.WritePropertyName(entry.Key);
            WriteSubscribeResult(writer, entry.Value, ReplyEncodingFlags.None);
        }

        writer.WriteEndObject();
    }

    private static void WriteSubscribeResult(Utf8JsonWriter writer, SubscribeResult result, ReplyEncodingFlags flags)
    {
        writer.WriteStartObject();
        WriteIfTrue(writer, JsonNames.Expires, result.Expires);
        WriteNonZero(writer, JsonNames.Ttl, result.Ttl);
        WriteIfTrue(writer, JsonNames.Recoverable, result.Recoverable);
        WriteNonEmpty(writer, JsonNames.Epoch, result.Epoch);
        if (result.Publications.Count != 0)
        {
            WritePublications(writer, result.Publications, flags);
        }

        WriteIfTrue(writer, JsonNames.Recovered, result.Recovered);
        WriteNonZero(writer, JsonNames.Offset, result.Offset);
        WriteIfTrue(writer, JsonNames.Positioned, result.Positioned);
        WriteRawIfPresent(writer, JsonNames.Data, result.Data);
        WriteIfTrue(writer, JsonNames.WasRecovering, result.WasRecovering);
        WriteIfTrue(writer, JsonNames.Delta, result.Delta);
        WriteNonZero(writer, JsonNames.Id, result.Id);
        writer.WriteEndObject();
    }

    private static void WritePublications(Utf8JsonWriter writer, Google.Protobuf.Collections.RepeatedField<Publication> publications, ReplyEncodingFlags flags)
    {
        writer.WriteStartArray(JsonNames.Publications);
        foreach (var publication in publications)
        {
            WritePublication(writer, publication, flags);
        }

        writer.WriteEndArray();
    }

    private static void WritePresenceResult(Utf8JsonWriter writer, PresenceResult result)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(JsonNames.Presence);
        foreach (var entry in result.Presence)
        {
            writer.WritePropertyName(entry.Key);
            WriteClientInfo(writer, entry.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteHistoryResult(Utf8JsonWriter writer, HistoryResult result)
    {
        writer.WriteStartObject();
        WritePublications(writer, result.Publications, ReplyEncodingFlags.None);
        writer.WriteString(JsonNames.Epoch, result.Epoch);
        writer.WriteNumber(JsonNames.Offset, result.Offset);
        writer.WriteEndObject();
    }
}
