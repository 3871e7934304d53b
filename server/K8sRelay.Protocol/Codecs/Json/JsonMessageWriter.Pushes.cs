using System.Text.Json;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs.Json;

/// <content>Server → client: pushes and the publication / client info they carry.</content>
internal static partial class JsonMessageWriter
{
    /// <summary>
    /// Writes a push. With <see cref="ReplyEncodingFlags.PublicationDataAsJsonString"/> the
    /// publication's <c>data</c> is written as a JSON string.
    /// </summary>
    public static void WritePush(Utf8JsonWriter writer, Push push, ReplyEncodingFlags flags)
    {
        writer.WriteStartObject();
        WriteNonZero(writer, JsonNames.Id, push.Id);
        WriteNonEmpty(writer, JsonNames.Channel, push.Channel);
        if (push.Pub is { } publication)
        {
            writer.WritePropertyName(JsonNames.Pub);
            WritePublication(writer, publication, flags);
        }

        if (push.Join is { } join)
        {
            WriteClientInfoHolder(writer, JsonNames.Join, join.Info);
        }

        if (push.Leave is { } leave)
        {
            WriteClientInfoHolder(writer, JsonNames.Leave, leave.Info);
        }

        if (push.Unsubscribe is { } unsubscribe)
        {
            writer.WriteStartObject(JsonNames.Unsubscribe);
            WriteNonZero(writer, JsonNames.Code, unsubscribe.Code);
            WriteNonEmpty(writer, JsonNames.Reason, unsubscribe.Reason);
            writer.WriteEndObject();
        }

        if (push.Message is { } message)
        {
            writer.WriteStartObject(JsonNames.Message);
            WriteRawIfPresent(writer, JsonNames.Data, message.Data);
            writer.WriteEndObject();
        }

        if (push.Subscribe is { } subscribe)
        {
            writer.WriteStartObject(JsonNames.Subscribe);
            WriteIfTrue(writer, JsonNames.Recoverable, subscribe.Recoverable);
            WriteNonEmpty(writer, JsonNames.Epoch, subscribe.Epoch);
            WriteNonZero(writer, JsonNames.Offset, subscribe.Offset);
            WriteIfTrue(writer, JsonNames.Positioned, subscribe.Positioned);
            WriteRawIfPresent(writer, JsonNames.Data, subscribe.Data);
            writer.WriteEndObject();
        }

        if (push.Connect is { } connect)
        {
            WriteConnectPush(writer, connect);
        }

        if (push.Disconnect is { } disconnect)
        {
            writer.WriteStartObject(JsonNames.Disconnect);
            WriteNonZero(writer, JsonNames.Code, disconnect.Code);
            WriteNonEmpty(writer, JsonNames.Reason, disconnect.Reason);
            WriteIfTrue(writer, JsonNames.Reconnect, disconnect.Reconnect);
            writer.WriteEndObject();
        }

        if (push.Refresh is { } refresh)
        {
            writer.WriteStartObject(JsonNames.Refresh);
            WriteIfTrue(writer, JsonNames.Expires, refresh.Expires);
            WriteNonZero(writer, JsonNames.Ttl, refresh.Ttl);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePublication(Utf8JsonWriter writer, Publication publication, ReplyEncodingFlags flags)
    {
        writer.WriteStartObject();
        if ((flags & ReplyEncodingFlags.PublicationDataAsJsonString) != 0)
        {
            WriteBytesAsJsonString(writer, JsonNames.Data, publication.Data.Span);
        }
        else
        {
            WriteRawIfPresent(writer, JsonNames.Data, publication.Data);
        }

        if (publication.Info is { } info)
        {
            writer.WritePropertyName(JsonNames.Info);
            WriteClientInfo(writer, info);
        }

        WriteNonZero(writer, JsonNames.Offset, publication.Offset);
        WriteStringMapIfPresent(writer, JsonNames.Tags, publication.Tags);
        WriteIfTrue(writer, JsonNames.Delta, publication.Delta);
        WriteNonZero(writer, JsonNames.Time, publication.Time);
        WriteNonEmpty(writer, JsonNames.Channel, publication.Channel);
        WriteNonEmpty(writer, JsonNames.Key, publication.Key);
        WriteIfTrue(writer, JsonNames.Removed, publication.Removed);
        WriteNonZero(writer, JsonNames.Score, publication.Score);
        WriteNonEmpty(writer, JsonNames.Epoch, publication.Epoch);
        WriteRawIfPresent(writer, JsonNames.PrevData, publication.PrevData);
        WriteNonZero(writer, JsonNames.Version, publication.Version);
        writer.WriteEndObject();
    }

    /// <summary>Client info: <c>user</c> and <c>client</c> are always written, even when empty.</summary>
    private static void WriteClientInfo(Utf8JsonWriter writer, ClientInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonNames.User, info.User);
        writer.WriteString(JsonNames.Client, info.Client);
        WriteRawIfPresent(writer, JsonNames.ConnInfo, info.ConnInfo);
        WriteRawIfPresent(writer, JsonNames.ChanInfo, info.ChanInfo);
        writer.WriteEndObject();
    }

    private static void WriteClientInfoHolder(Utf8JsonWriter writer, JsonEncodedText name, ClientInfo? info)
    {
        writer.WriteStartObject(name);
        if (info is not null)
        {
            writer.WritePropertyName(JsonNames.Info);
            WriteClientInfo(writer, info);
        }

        writer.WriteEndObject();
    }

    private static void WriteConnectPush(Utf8JsonWriter writer, Connect connect)
    {
        writer.WriteStartObject(JsonNames.Connect);
        WriteNonEmpty(writer, JsonNames.Client, connect.Client);
        WriteNonEmpty(writer, JsonNames.Version, connect.Version);
        WriteRawIfPresent(writer, JsonNames.Data, connect.Data);
        WriteSubscribeResultMap(writer, connect.Subs);
        WriteIfTrue(writer, JsonNames.Expires, connect.Expires);
        WriteNonZero(writer, JsonNames.Ttl, connect.Ttl);
        WriteNonZero(writer, JsonNames.Ping, connect.Ping);
        WriteIfTrue(writer, JsonNames.Pong, connect.Pong);
        WriteNonEmpty(writer, JsonNames.Session, connect.Session);
        WriteNonEmpty(writer, JsonNames.Node, connect.Node);
        WriteNonZero(writer, JsonNames.Time, connect.Time);
        writer.WriteEndObject();
    }
}
