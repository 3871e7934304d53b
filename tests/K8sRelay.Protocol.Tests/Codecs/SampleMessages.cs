using Google.Protobuf;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>
/// One instance of every command and reply shape, with every field set to a non-default value so a
/// round trip proves each field is both written and read. <c>bytes</c> fields hold JSON so the same
/// samples serve both codecs.
/// </summary>
internal static class SampleMessages
{
    public static readonly IReadOnlyDictionary<string, Func<Command>> Commands = new Dictionary<string, Func<Command>>
    {
        ["connect"] = () => new Command { Id = 1, Connect = FullConnectRequest() },
        ["subscribe"] = () => new Command { Id = 2, Subscribe = FullSubscribeRequest("news") },
        ["unsubscribe"] = () => new Command { Id = 3, Unsubscribe = new UnsubscribeRequest { Channel = "news" } },
        ["publish"] = () => new Command { Id = 4, Publish = new PublishRequest { Channel = "chat:1", Data = Raw("{\"text\":\"yo\"}") } },
        ["presence"] = () => new Command { Id = 5, Presence = new PresenceRequest { Channel = "chat:1" } },
        ["presence_stats"] = () => new Command { Id = 6, PresenceStats = new PresenceStatsRequest { Channel = "chat:1" } },
        ["history"] = () => new Command
        {
            Id = 7,
            History = new HistoryRequest { Channel = "chat:1", Limit = 10, Since = new StreamPosition { Offset = 42, Epoch = "ep" }, Reverse = true },
        },
        ["ping"] = () => new Command { Id = 8, Ping = new PingRequest() },
        ["send"] = () => new Command { Send = new SendRequest { Data = Raw("[1,2,3]") } },
        ["rpc"] = () => new Command { Id = 10, Rpc = new RPCRequest { Data = Raw("{\"id\":1}"), Method = "getPrice" } },
        ["refresh"] = () => new Command { Id = 11, Refresh = new RefreshRequest { Token = "new-token" } },
        ["sub_refresh"] = () => new Command { Id = 12, SubRefresh = new SubRefreshRequest { Channel = "$private", Token = "sub-token" } },
        ["pong"] = () => new Command(),
    };

    public static readonly IReadOnlyDictionary<string, Func<Reply>> Replies = new Dictionary<string, Func<Reply>>
    {
        ["error"] = () => new Reply { Id = 1, Error = new Error { Code = 100, Message = "internal server error", Temporary = true } },
        ["connect"] = () => new Reply { Id = 2, Connect = FullConnectResult() },
        ["subscribe"] = () => new Reply { Id = 3, Subscribe = FullSubscribeResult() },
        ["unsubscribe"] = () => new Reply { Id = 4, Unsubscribe = new UnsubscribeResult() },
        ["publish"] = () => new Reply { Id = 5, Publish = new PublishResult() },
        ["presence"] = () => new Reply
        {
            Id = 6,
            Presence = new PresenceResult { Presence = { ["c1"] = FullClientInfo(), ["c2"] = new ClientInfo { User = "7", Client = "c2" } } },
        },
        ["presence_stats"] = () => new Reply { Id = 7, PresenceStats = new PresenceStatsResult { NumClients = 3, NumUsers = 2 } },
        ["history"] = () => new Reply
        {
            Id = 8,
            History = new HistoryResult { Publications = { FullPublication(), new Publication { Data = Raw("2"), Offset = 9 } }, Epoch = "ep", Offset = 9 },
        },
        ["ping"] = () => new Reply { Id = 9, Ping = new PingResult() },
        ["rpc"] = () => new Reply { Id = 10, Rpc = new RPCResult { Data = Raw("{\"price\":10}") } },
        ["refresh"] = () => new Reply { Id = 11, Refresh = new RefreshResult { Client = "c1", Version = "1.0", Expires = true, Ttl = 3600 } },
        ["sub_refresh"] = () => new Reply { Id = 12, SubRefresh = new SubRefreshResult { Expires = true, Ttl = 60 } },
        ["server_ping"] = () => new Reply(),
        ["push_pub"] = () => new Reply { Push = new Push { Id = 77, Channel = "chat:1", Pub = FullPublication() } },
        ["push_join"] = () => new Reply { Push = new Push { Channel = "chat:1", Join = new Join { Info = FullClientInfo() } } },
        ["push_leave"] = () => new Reply { Push = new Push { Channel = "chat:1", Leave = new Leave { Info = FullClientInfo() } } },
        ["push_unsubscribe"] = () => new Reply { Push = new Push { Channel = "chat:1", Unsubscribe = new Unsubscribe { Code = 2500, Reason = "insufficient state" } } },
        ["push_message"] = () => new Reply { Push = new Push { Message = new Message { Data = Raw("{\"note\":\"hi\"}") } } },
        ["push_subscribe"] = () => new Reply
        {
            Push = new Push
            {
                Channel = "#42",
                Subscribe = new Subscribe { Recoverable = true, Epoch = "ep", Offset = 5, Positioned = true, Data = Raw("{\"s\":1}") },
            },
        },
        ["push_connect"] = () => new Reply { Push = new Push { Connect = FullConnectPush() } },
        ["push_disconnect"] = () => new Reply { Push = new Push { Disconnect = new Disconnect { Code = 3001, Reason = "shutdown", Reconnect = true } } },
        ["push_refresh"] = () => new Reply { Push = new Push { Refresh = new Refresh { Expires = true, Ttl = 120 } } },
    };

    public static TheoryData<string> CommandNames => [.. Commands.Keys];

    public static TheoryData<string> ReplyNames => [.. Replies.Keys];

    public static ByteString Raw(string json) => ByteString.CopyFromUtf8(json);

    public static ConnectRequest FullConnectRequest() => new()
    {
        Token = "eyJ.token",
        Data = Raw("{\"hello\":\"world\"}"),
        Subs = { ["#42"] = new SubscribeRequest { Recover = true, Offset = 12, Epoch = "xD5R", Delta = "fossil" } },
        Name = "js",
        Version = "5.7.4",
        Headers = { ["Authorization"] = "Bearer x", ["X-Trace"] = "t1" },
        Flag = 3,
        Dict = "d",
        Profile = "p",
    };

    public static SubscribeRequest FullSubscribeRequest(string channel) => new()
    {
        Channel = channel,
        Token = "sub.jwt",
        Recover = true,
        Epoch = "qFhvXyZa",
        Offset = ulong.MaxValue,
        Data = Raw("{\"a\":[1,2,{\"b\":null}]}"),
        Positioned = true,
        Recoverable = true,
        JoinLeave = true,
        Delta = "fossil",
        Tf = new FilterNode
        {
            Op = "and",
            Nodes =
            {
                new FilterNode { Key = "ticker", Cmp = "in", Vals = { "AAPL", "MSFT" } },
                new FilterNode { Op = "not", Nodes = { new FilterNode { Key = "price", Cmp = "gt", Val = "100" } } },
            },
        },
        Flag = 1,
        Type = 4,
        Phase = 2,
        Cursor = "cur",
        Limit = 50,
        Asc = true,
    };

    public static ClientInfo FullClientInfo() => new()
    {
        User = "42",
        Client = "0f1c",
        ConnInfo = Raw("{\"name\":\"Alice\"}"),
        ChanInfo = Raw("{\"role\":\"admin\"}"),
    };

    public static Publication FullPublication() => new()
    {
        Data = Raw("{\"text\":\"hi\",\"n\":[1,2.5,-3e2],\"ok\":true}"),
        Info = FullClientInfo(),
        Offset = 15,
        Tags = { ["kind"] = "chat", ["lang"] = "en" },
        Delta = true,
        Time = 1_700_000_000_000,
        Channel = "chat:1",
        Key = "k1",
        Removed = true,
        Score = -17,
        Epoch = "ep",
        PrevData = Raw("{\"text\":\"prev\"}"),
        Version = 3,
    };

    public static SubscribeResult FullSubscribeResult() => new()
    {
        Expires = true,
        Ttl = 300,
        Recoverable = true,
        Epoch = "qFhvXyZa",
        Publications = { FullPublication(), new Publication { Data = Raw("\"plain string\""), Offset = 16 } },
        Recovered = true,
        Offset = 16,
        Positioned = true,
        Data = Raw("{\"welcome\":true}"),
        WasRecovering = true,
        Delta = true,
        Id = 99,
    };

    public static ConnectResult FullConnectResult() => new()
    {
        Client = "0f1c",
        Version = "6.9.1 OSS",
        Expires = true,
        Ttl = 3599,
        Data = Raw("{\"proxy\":1}"),
        Subs = { ["#42"] = FullSubscribeResult(), ["news"] = new SubscribeResult() },
        Ping = 25,
        Pong = true,
        Session = "sess",
        Node = "node-1",
        Time = 1_700_000_000_123,
        Flag = 2,
    };

    public static Connect FullConnectPush() => new()
    {
        Client = "0f1c",
        Version = "6.9.1 OSS",
        Data = Raw("{\"proxy\":1}"),
        Subs = { ["#42"] = new SubscribeResult { Recoverable = true, Epoch = "e", Offset = 1, Positioned = true } },
        Expires = true,
        Ttl = 60,
        Ping = 25,
        Pong = true,
        Session = "sess",
        Node = "node-1",
        Time = 1_700_000_000_456,
    };
}
