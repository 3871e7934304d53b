using System.Text.Json;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Codecs.Json;

/// <content>Client → server: the command envelope and every request (used by client-side tooling and tests).</content>
internal static partial class JsonMessageWriter
{
    /// <summary>Writes a command; an empty command becomes <c>{}</c> (pong).</summary>
    public static void WriteCommand(Utf8JsonWriter writer, Command command)
    {
        writer.WriteStartObject();
        WriteNonZero(writer, JsonNames.Id, command.Id);
        if (command.Connect is { } connect)
        {
            writer.WritePropertyName(JsonNames.Connect);
            WriteConnectRequest(writer, connect);
        }

        if (command.Subscribe is { } subscribe)
        {
            writer.WritePropertyName(JsonNames.Subscribe);
            WriteSubscribeRequest(writer, subscribe);
        }

        WriteChannelRequestIfSet(writer, JsonNames.Unsubscribe, command.Unsubscribe?.Channel);
        if (command.Publish is { } publish)
        {
            writer.WriteStartObject(JsonNames.Publish);
            WriteNonEmpty(writer, JsonNames.Channel, publish.Channel);
            WriteRawIfPresent(writer, JsonNames.Data, publish.Data);
            writer.WriteEndObject();
        }

        WriteChannelRequestIfSet(writer, JsonNames.Presence, command.Presence?.Channel);
        WriteChannelRequestIfSet(writer, JsonNames.PresenceStats, command.PresenceStats?.Channel);
        if (command.History is { } history)
        {
            WriteHistoryRequest(writer, history);
        }

        WriteEmptyObjectIfSet(writer, JsonNames.Ping, command.Ping);
        if (command.Send is { } send)
        {
            writer.WriteStartObject(JsonNames.Send);
            WriteRawIfPresent(writer, JsonNames.Data, send.Data);
            writer.WriteEndObject();
        }

        if (command.Rpc is { } rpc)
        {
            writer.WriteStartObject(JsonNames.Rpc);
            WriteRawIfPresent(writer, JsonNames.Data, rpc.Data);
            WriteNonEmpty(writer, JsonNames.Method, rpc.Method);
            writer.WriteEndObject();
        }

        if (command.Refresh is { } refresh)
        {
            writer.WriteStartObject(JsonNames.Refresh);
            WriteNonEmpty(writer, JsonNames.Token, refresh.Token);
            writer.WriteEndObject();
        }

        if (command.SubRefresh is { } subRefresh)
        {
            writer.WriteStartObject(JsonNames.SubRefresh);
            WriteNonEmpty(writer, JsonNames.Channel, subRefresh.Channel);
            WriteNonEmpty(writer, JsonNames.Token, subRefresh.Token);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a connect request (also the bare first message of unidirectional transports).</summary>
    public static void WriteConnectRequest(Utf8JsonWriter writer, ConnectRequest request)
    {
        writer.WriteStartObject();
        WriteNonEmpty(writer, JsonNames.Token, request.Token);
        WriteRawIfPresent(writer, JsonNames.Data, request.Data);
        if (request.Subs.Count != 0)
        {
            writer.WriteStartObject(JsonNames.Subs);
            foreach (var entry in request.Subs)
            {
                writer.WritePropertyName(entry.Key);
                WriteSubscribeRequest(writer, entry.Value);
            }

            writer.WriteEndObject();
        }

        WriteNonEmpty(writer, JsonNames.NameField, request.Name);
        WriteNonEmpty(writer, JsonNames.Version, request.Version);
        WriteStringMapIfPresent(writer, JsonNames.Headers, request.Headers);
        WriteNonZero(writer, JsonNames.Flag, request.Flag);
        WriteNonEmpty(writer, JsonNames.Dict, request.Dict);
        WriteNonEmpty(writer, JsonNames.Profile, request.Profile);
        writer.WriteEndObject();
    }

    private static void WriteSubscribeRequest(Utf8JsonWriter writer, SubscribeRequest request)
    {
        writer.WriteStartObject();
        WriteNonEmpty(writer, JsonNames.Channel, request.Channel);
        WriteNonEmpty(writer, JsonNames.Token, request.Token);
        WriteIfTrue(writer, JsonNames.Recover, request.Recover);
        WriteNonEmpty(writer, JsonNames.Epoch, request.Epoch);
        WriteNonZero(writer, JsonNames.Offset, request.Offset);
        WriteRawIfPresent(writer, JsonNames.Data, request.Data);
        WriteIfTrue(writer, JsonNames.Positioned, request.Positioned);
        WriteIfTrue(writer, JsonNames.Recoverable, request.Recoverable);
        WriteIfTrue(writer, JsonNames.JoinLeave, request.JoinLeave);
        WriteNonEmpty(writer, JsonNames.Delta, request.Delta);
        if (request.Tf is { } filter)
        {
            writer.WritePropertyName(JsonNames.Tf);
            WriteFilterNode(writer, filter);
        }

        WriteNonZero(writer, JsonNames.Flag, request.Flag);
        WriteNonZero(writer, JsonNames.Type, request.Type);
        WriteNonZero(writer, JsonNames.Phase, request.Phase);
        WriteNonEmpty(writer, JsonNames.Cursor, request.Cursor);
        WriteNonZero(writer, JsonNames.Limit, request.Limit);
        WriteIfTrue(writer, JsonNames.Asc, request.Asc);
        writer.WriteEndObject();
    }

    private static void WriteFilterNode(Utf8JsonWriter writer, FilterNode node)
    {
        writer.WriteStartObject();
        WriteNonEmpty(writer, JsonNames.Op, node.Op);
        WriteNonEmpty(writer, JsonNames.Key, node.Key);
        WriteNonEmpty(writer, JsonNames.Cmp, node.Cmp);
        WriteNonEmpty(writer, JsonNames.Val, node.Val);
        WriteStringArrayIfPresent(writer, JsonNames.Vals, node.Vals);
        if (node.Nodes.Count != 0)
        {
            writer.WriteStartArray(JsonNames.Nodes);
            foreach (var child in node.Nodes)
            {
                WriteFilterNode(writer, child);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteHistoryRequest(Utf8JsonWriter writer, HistoryRequest request)
    {
        writer.WriteStartObject(JsonNames.History);
        WriteNonEmpty(writer, JsonNames.Channel, request.Channel);
        WriteNonZero(writer, JsonNames.Limit, request.Limit);
        if (request.Since is { } since)
        {
            writer.WriteStartObject(JsonNames.Since);
            WriteNonZero(writer, JsonNames.Offset, since.Offset);
            WriteNonEmpty(writer, JsonNames.Epoch, since.Epoch);
            writer.WriteEndObject();
        }

        WriteIfTrue(writer, JsonNames.Reverse, request.Reverse);
        writer.WriteEndObject();
    }

    private static void WriteChannelRequestIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? channel)
    {
        if (channel is not null)
        {
            writer.WriteStartObject(name);
            WriteNonEmpty(writer, JsonNames.Channel, channel);
            writer.WriteEndObject();
        }
    }
}
