using System.Text.Json;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>Writers of the results with nested objects: presence, history, channels, info.</summary>
internal static partial class ApiJsonWriter
{
    private static void WritePresence(Utf8JsonWriter writer, PresenceResult presence)
    {
        writer.WriteStartObject("presence");
        foreach (var (clientId, info) in presence.Presence)
        {
            writer.WritePropertyName(clientId);
            WriteClientInfo(writer, info);
        }

        writer.WriteEndObject();
    }

    private static void WriteClientInfo(Utf8JsonWriter writer, ClientInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("user", info.User);
        writer.WriteString("client", info.Client);
        WritePayload(writer, "conn_info", info.ConnInfo);
        WritePayload(writer, "chan_info", info.ChanInfo);
        writer.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter writer, HistoryResult history)
    {
        writer.WriteStartArray("publications");
        foreach (var publication in history.Publications)
        {
            writer.WriteStartObject();
            WritePayload(writer, "data", publication.Data);
            if (publication.Info is { } info)
            {
                writer.WritePropertyName("info");
                WriteClientInfo(writer, info);
            }

            if (publication.Offset != 0)
            {
                writer.WriteNumber("offset", publication.Offset);
            }

            if (publication.Tags.Count > 0)
            {
                writer.WriteStartObject("tags");
                foreach (var (key, value) in publication.Tags)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("epoch", history.Epoch);
        writer.WriteNumber("offset", history.Offset);
    }

    private static void WriteChannels(Utf8JsonWriter writer, ChannelsResult channels)
    {
        writer.WriteStartObject("channels");
        foreach (var (channel, info) in channels.Channels)
        {
            writer.WriteStartObject(channel);
            writer.WriteNumber("num_clients", info.NumClients);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteInfo(Utf8JsonWriter writer, InfoResult info)
    {
        writer.WriteStartArray("nodes");
        foreach (var node in info.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteString("uid", node.Uid);
            writer.WriteString("name", node.Name);
            writer.WriteString("version", node.Version);
            writer.WriteNumber("num_clients", node.NumClients);
            writer.WriteNumber("num_users", node.NumUsers);
            writer.WriteNumber("num_channels", node.NumChannels);
            if (node.Uptime != 0)
            {
                writer.WriteNumber("uptime", node.Uptime);
            }

            writer.WriteNumber("num_subs", node.NumSubs);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
