using System.Text.Json;
using K8sRelay.Server.Grpc.Api;
using static K8sRelay.Server.Api.ApiJsonReader;

namespace K8sRelay.Server.Api;

/// <summary>
/// Decodes the JSON parameters of one server API method into the command the executor runs.
/// Field names are the snake_case names of Centrifugo's API schema; <c>data</c> and <c>info</c>
/// carry raw JSON, <c>b64data</c> and <c>b64info</c> base64. Wrong types throw
/// <see cref="ApiBadRequestException"/>.
/// </summary>
internal static class ApiRequestParser
{
    /// <summary>The command for <paramref name="method"/>, or null when the method is not known.</summary>
    public static Command? Parse(string method, JsonElement parameters)
    {
        RequireObject(parameters, "params");
        return method switch
        {
            "publish" => new Command { Publish = Publish(parameters) },
            "broadcast" => new Command { Broadcast = Broadcast(parameters) },
            "subscribe" => new Command { Subscribe = Subscribe(parameters) },
            "unsubscribe" => new Command { Unsubscribe = Unsubscribe(parameters) },
            "disconnect" => new Command { Disconnect = Disconnect(parameters) },
            "refresh" => new Command { Refresh = Refresh(parameters) },
            "presence" => new Command { Presence = new PresenceRequest { Channel = String(parameters, "channel") } },
            "presence_stats" => new Command { PresenceStats = new PresenceStatsRequest { Channel = String(parameters, "channel") } },
            "history" => new Command { History = History(parameters) },
            "history_remove" => new Command { HistoryRemove = new HistoryRemoveRequest { Channel = String(parameters, "channel") } },
            "channels" => new Command { Channels = new ChannelsRequest { Pattern = String(parameters, "pattern") } },
            "info" => new Command { Info = new InfoRequest() },
            "rpc" => new Command { Rpc = new RPCRequest { Method = String(parameters, "method"), Params = RawJson(parameters, "params") } },
            _ => null,
        };
    }

    /// <summary>
    /// Decodes one batch command: an object whose single known field names the method. A command
    /// without a known field becomes an empty command (answered 104); JSON null stays null (107).
    /// </summary>
    public static Command? ParseBatchCommand(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ApiBadRequestException("every batch command must be a JSON object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null && Parse(property.Name, property.Value) is { } command)
            {
                return command;
            }
        }

        return new Command();
    }

    /// <summary>Decodes a <c>publish</c> request.</summary>
    public static PublishRequest Publish(JsonElement p)
    {
        var request = new PublishRequest
        {
            Channel = String(p, "channel"),
            Data = RawJson(p, "data"),
            B64Data = String(p, "b64data"),
            SkipHistory = Bool(p, "skip_history"),
            IdempotencyKey = String(p, "idempotency_key"),
            Delta = Bool(p, "delta"),
        };
        AddTags(request.Tags, p);
        return request;
    }

    private static BroadcastRequest Broadcast(JsonElement p)
    {
        var request = new BroadcastRequest
        {
            Data = RawJson(p, "data"),
            B64Data = String(p, "b64data"),
            SkipHistory = Bool(p, "skip_history"),
            IdempotencyKey = String(p, "idempotency_key"),
            Delta = Bool(p, "delta"),
        };
        request.Channels.Add(StringList(p, "channels"));
        AddTags(request.Tags, p);
        return request;
    }

    private static SubscribeRequest Subscribe(JsonElement p)
    {
        var request = new SubscribeRequest
        {
            Channel = String(p, "channel"),
            User = String(p, "user"),
            ExpireAt = Int64(p, "expire_at"),
            Info = RawJson(p, "info"),
            B64Info = String(p, "b64info"),
            Client = String(p, "client"),
            Data = RawJson(p, "data"),
            B64Data = String(p, "b64data"),
            Session = String(p, "session"),
        };
        if (Object(p, "recover_since") is { } since)
        {
            request.RecoverSince = Position(since);
        }

        if (Object(p, "override") is { } overrides)
        {
            request.Override = new SubscribeOptionOverride
            {
                Presence = BoolValue(overrides, "presence"),
                JoinLeave = BoolValue(overrides, "join_leave"),
                ForceRecovery = BoolValue(overrides, "force_recovery"),
                ForcePositioning = BoolValue(overrides, "force_positioning"),
                ForcePushJoinLeave = BoolValue(overrides, "force_push_join_leave"),
            };
        }

        return request;
    }

    private static UnsubscribeRequest Unsubscribe(JsonElement p) => new()
    {
        Channel = String(p, "channel"),
        User = String(p, "user"),
        Client = String(p, "client"),
        Session = String(p, "session"),
    };

    private static DisconnectRequest Disconnect(JsonElement p)
    {
        var request = new DisconnectRequest
        {
            User = String(p, "user"),
            Client = String(p, "client"),
            Session = String(p, "session"),
        };
        request.Whitelist.Add(StringList(p, "whitelist"));
        if (Object(p, "disconnect") is { } disconnect)
        {
            request.Disconnect = new Disconnect { Code = UInt32(disconnect, "code"), Reason = String(disconnect, "reason") };
        }

        return request;
    }

    private static RefreshRequest Refresh(JsonElement p) => new()
    {
        User = String(p, "user"),
        Client = String(p, "client"),
        Session = String(p, "session"),
        Expired = Bool(p, "expired"),
        ExpireAt = Int64(p, "expire_at"),
        Info = RawJson(p, "info"),
    };

    private static HistoryRequest History(JsonElement p)
    {
        var request = new HistoryRequest
        {
            Channel = String(p, "channel"),
            Limit = Int32(p, "limit"),
            Reverse = Bool(p, "reverse"),
        };
        if (Object(p, "since") is { } since)
        {
            request.Since = Position(since);
        }

        return request;
    }

    private static void AddTags(Google.Protobuf.Collections.MapField<string, string> tags, JsonElement p)
    {
        foreach (var (key, value) in StringMap(p, "tags"))
        {
            tags[key] = value;
        }
    }

    private static StreamPosition Position(JsonElement e) => new() { Offset = UInt64(e, "offset"), Epoch = String(e, "epoch") };

    private static BoolValue? BoolValue(JsonElement obj, string name) =>
        Object(obj, name) is { } value ? new BoolValue { Value = Bool(value, "value") } : null;
}
