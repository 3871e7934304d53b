using System.Text;
using Google.Protobuf;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>The JSON exchanges of the protocol notes' worked examples, byte for byte.</summary>
public sealed class JsonWorkedExampleTests
{
    private static readonly JsonClientCodec Codec = ClientCodecs.Json;

    private static ByteString Raw(string json) => ByteString.CopyFromUtf8(json);

    private static string Encode(Reply reply, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        Encoding.UTF8.GetString(Codec.EncodeReply(reply, flags));

    private static List<Command> Decode(string frame)
    {
        var commands = new List<Command>();
        Codec.DecodeCommands(Encoding.UTF8.GetBytes(frame), commands);
        return commands;
    }

    [Fact]
    public void ConnectAndSubscribeInOneFrame_DecodeInOrder()
    {
        var commands = Decode("{\"connect\":{\"token\":\"eyJ\",\"name\":\"js\"},\"id\":1}\n{\"subscribe\":{\"channel\":\"chat:1\",\"flag\":1},\"id\":2}");

        Assert.Equal(2, commands.Count);
        Assert.Equal(1u, commands[0].Id);
        Assert.Equal("eyJ", commands[0].Connect.Token);
        Assert.Equal("js", commands[0].Connect.Name);
        Assert.Equal(2u, commands[1].Id);
        Assert.Equal("chat:1", commands[1].Subscribe.Channel);
        Assert.Equal(1L, commands[1].Subscribe.Flag);
    }

    [Fact]
    public void ConnectReply()
    {
        var reply = new Reply
        {
            Id = 1,
            Connect = new ConnectResult { Client = "0f1c", Version = "6.9.1 OSS", Expires = true, Ttl = 3599, Ping = 25, Pong = true },
        };

        Assert.Equal("{\"id\":1,\"connect\":{\"client\":\"0f1c\",\"version\":\"6.9.1 OSS\",\"expires\":true,\"ttl\":3599,\"ping\":25,\"pong\":true}}", Encode(reply));
    }

    [Fact]
    public void SubscribeReply()
    {
        var reply = new Reply
        {
            Id = 2,
            Subscribe = new SubscribeResult { Recoverable = true, Epoch = "qFhvXyZa", Offset = 14, Positioned = true },
        };

        Assert.Equal("{\"id\":2,\"subscribe\":{\"recoverable\":true,\"epoch\":\"qFhvXyZa\",\"offset\":14,\"positioned\":true}}", Encode(reply));
    }

    [Fact]
    public void PublicationPush()
    {
        var reply = new Reply { Push = new Push { Channel = "chat:1", Pub = new Publication { Data = Raw("{\"text\":\"hi\"}"), Offset = 15 } } };

        Assert.Equal("{\"push\":{\"channel\":\"chat:1\",\"pub\":{\"data\":{\"text\":\"hi\"},\"offset\":15}}}", Encode(reply));
    }

    [Fact]
    public void PingAndPong()
    {
        Assert.Equal("{}", Encode(new Reply()));

        var pong = Assert.Single(Decode("{}"));
        Assert.Equal(new Command(), pong);
    }

    [Fact]
    public void PublishCommandAndEmptyResult()
    {
        var command = Assert.Single(Decode("{\"publish\":{\"channel\":\"chat:1\",\"data\":{\"text\":\"yo\"}},\"id\":3}"));
        Assert.Equal(3u, command.Id);
        Assert.Equal("chat:1", command.Publish.Channel);
        Assert.Equal("{\"text\":\"yo\"}", command.Publish.Data.ToStringUtf8());

        Assert.Equal("{\"id\":3,\"publish\":{}}", Encode(new Reply { Id = 3, Publish = new PublishResult() }));
    }

    [Fact]
    public void PublicationPushWithPublisherInfo()
    {
        var reply = new Reply
        {
            Push = new Push
            {
                Channel = "chat:1",
                Pub = new Publication { Data = Raw("{\"text\":\"yo\"}"), Info = new ClientInfo { User = "42", Client = "0f1c" }, Offset = 16 },
            },
        };

        Assert.Equal("{\"push\":{\"channel\":\"chat:1\",\"pub\":{\"data\":{\"text\":\"yo\"},\"info\":{\"user\":\"42\",\"client\":\"0f1c\"},\"offset\":16}}}", Encode(reply));
    }

    [Fact]
    public void HistoryCommandAndErrorReply()
    {
        var command = Assert.Single(Decode("{\"history\":{\"channel\":\"chat:1\",\"limit\":10},\"id\":4}"));
        Assert.Equal("chat:1", command.History.Channel);
        Assert.Equal(10, command.History.Limit);

        var reply = new Reply { Id = 4, Error = ProtocolError.PermissionDenied.ToMessage() };
        Assert.Equal("{\"id\":4,\"error\":{\"code\":103,\"message\":\"permission denied\"}}", Encode(reply));
    }

    [Fact]
    public void PresenceStats()
    {
        var command = Assert.Single(Decode("{\"presence_stats\":{\"channel\":\"chat:1\"},\"id\":5}"));
        Assert.Equal("chat:1", command.PresenceStats.Channel);

        var reply = new Reply { Id = 5, PresenceStats = new PresenceStatsResult { NumClients = 2, NumUsers = 1 } };
        Assert.Equal("{\"id\":5,\"presence_stats\":{\"num_clients\":2,\"num_users\":1}}", Encode(reply));
    }

    [Fact]
    public void Rpc()
    {
        var command = Assert.Single(Decode("{\"rpc\":{\"method\":\"getPrice\",\"data\":{\"id\":1}},\"id\":6}"));
        Assert.Equal("getPrice", command.Rpc.Method);
        Assert.Equal("{\"id\":1}", command.Rpc.Data.ToStringUtf8());

        Assert.Equal("{\"id\":6,\"rpc\":{\"data\":{\"price\":10}}}", Encode(new Reply { Id = 6, Rpc = new RPCResult { Data = Raw("{\"price\":10}") } }));
    }

    [Fact]
    public void Refresh()
    {
        var command = Assert.Single(Decode("{\"refresh\":{\"token\":\"eyJnew\"},\"id\":7}"));
        Assert.Equal("eyJnew", command.Refresh.Token);

        Assert.Equal("{\"id\":7,\"refresh\":{\"expires\":true,\"ttl\":3600}}", Encode(new Reply { Id = 7, Refresh = new RefreshResult { Expires = true, Ttl = 3600 } }));
    }

    [Fact]
    public void UnsubscribePush()
    {
        var reply = new Reply { Push = new Push { Channel = "chat:1", Unsubscribe = new Unsubscribe { Code = 2000, Reason = "server unsubscribe" } } };

        Assert.Equal("{\"push\":{\"channel\":\"chat:1\",\"unsubscribe\":{\"code\":2000,\"reason\":\"server unsubscribe\"}}}", Encode(reply));
    }

    [Fact]
    public void RecoveringSubscribe()
    {
        var command = Assert.Single(Decode("{\"subscribe\":{\"channel\":\"chat:1\",\"flag\":1,\"recover\":true,\"offset\":16,\"epoch\":\"qFhvXyZa\"},\"id\":9}"));
        Assert.True(command.Subscribe.Recover);
        Assert.Equal(16ul, command.Subscribe.Offset);
        Assert.Equal("qFhvXyZa", command.Subscribe.Epoch);

        var reply = new Reply
        {
            Id = 9,
            Subscribe = new SubscribeResult
            {
                Recoverable = true,
                Epoch = "qFhvXyZa",
                Publications = { new Publication { Data = Raw("{\"n\":1}"), Offset = 17 } },
                Recovered = true,
                Offset = 16,
                Positioned = true,
                WasRecovering = true,
            },
        };
        Assert.Equal(
            "{\"id\":9,\"subscribe\":{\"recoverable\":true,\"epoch\":\"qFhvXyZa\",\"publications\":[{\"data\":{\"n\":1},\"offset\":17}],\"recovered\":true,\"offset\":16,\"positioned\":true,\"was_recovering\":true}}",
            Encode(reply));
    }

    [Fact]
    public void UnrecoverablePositionError()
    {
        var reply = new Reply { Id = 9, Error = ProtocolError.UnrecoverablePosition.ToMessage() };

        Assert.Equal("{\"id\":9,\"error\":{\"code\":112,\"message\":\"unrecoverable position\"}}", Encode(reply));
    }

    [Fact]
    public void UnidirectionalConnectPushAndDisconnect()
    {
        var connect = new Push
        {
            Connect = new Connect { Client = "c1", Version = "6.9.1 OSS", Subs = { ["#2694"] = new SubscribeResult() }, Ping = 25, Session = "s1" },
        };
        Assert.Equal(
            "{\"connect\":{\"client\":\"c1\",\"version\":\"6.9.1 OSS\",\"subs\":{\"#2694\":{}},\"ping\":25,\"session\":\"s1\"}}",
            Encoding.UTF8.GetString(Codec.EncodePush(connect)));

        var disconnect = new Push { Disconnect = new Disconnect { Code = 3001, Reason = "shutdown" } };
        Assert.Equal("{\"disconnect\":{\"code\":3001,\"reason\":\"shutdown\"}}", Encoding.UTF8.GetString(Codec.EncodePush(disconnect)));
        Assert.Equal("{}", Encoding.UTF8.GetString(Codec.EncodePush(new Push())));
    }

    [Fact]
    public void UnidirectionalConnectRequest()
    {
        var request = Codec.DecodeConnectRequest(Encoding.UTF8.GetBytes(
            "{\"token\":\"JWT\",\"data\":{\"a\":1},\"name\":\"n\",\"version\":\"v\",\"subs\":{\"ch\":{\"recover\":true,\"offset\":12,\"epoch\":\"xD5R\"}},\"headers\":{\"h\":\"v\"}}"));

        Assert.Equal("JWT", request.Token);
        Assert.Equal("{\"a\":1}", request.Data.ToStringUtf8());
        Assert.Equal("n", request.Name);
        Assert.Equal("v", request.Version);
        Assert.True(request.Subs["ch"].Recover);
        Assert.Equal(12ul, request.Subs["ch"].Offset);
        Assert.Equal("xD5R", request.Subs["ch"].Epoch);
        Assert.Equal("v", request.Headers["h"]);
        Assert.Equal(new ConnectRequest(), Codec.DecodeConnectRequest("{}"u8));
    }
}
