using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Protocol.Tests.Codecs;

namespace K8sRelay.Protocol.Tests.Interop;

/// <summary>Our encodings read by the codecs inside centrifuge-js, and the SDK's command encoding read by ours.</summary>
public sealed class SdkCodecInteropTests
{
    [Fact]
    public async Task ProtobufBuild_DecodesEveryReplyAndCommand_WithoutLosingFields()
    {
        var replies = SampleMessages.Replies.Values.Select(create => create()).ToList();
        var commands = SampleMessages.Commands.Values.Select(create => create()).ToList();
        var input = new
        {
            replies = Convert.ToBase64String(replies.SelectMany(reply => ClientCodecs.Protobuf.EncodeReply(reply)).ToArray()),
            commands = Convert.ToBase64String(ClientCodecs.Protobuf.EncodeCommands(commands)),
        };

        using var output = JsonDocument.Parse(await NodeScript.RunAsync("protobuf-codec.cjs", JsonSerializer.Serialize(input)));
        var root = output.RootElement;

        // The SDK decoded every message; re-encoding what it decoded gives back every field we sent,
        // so no field number or type is unknown to it. The one exception: centrifuge-js 5.7.4 has no
        // ConnectResult.flag (12), which the OSS server never sets; the SDK skips it as an unknown field.
        Assert.Equal(replies.Count, root.GetProperty("replyCount").GetInt32());
        var roundTripped = new List<Reply>();
        ClientCodecs.Protobuf.DecodeReplies(Convert.FromBase64String(root.GetProperty("replies").GetString()!), roundTripped);
        foreach (var reply in replies.Where(reply => reply.Connect is not null))
        {
            reply.Connect.Flag = 0;
        }

        Assert.Equal(replies, roundTripped);

        // Likewise the SDK's ConnectRequest has no dict (8) and profile (9): it never sends them.
        Assert.Equal(commands.Count, root.GetProperty("commandCount").GetInt32());
        foreach (var command in commands.Where(command => command.Connect is not null))
        {
            command.Connect.Dict = string.Empty;
            command.Connect.Profile = string.Empty;
        }

        var roundTrippedCommands = new List<Command>();
        ClientCodecs.Protobuf.DecodeCommands(Convert.FromBase64String(root.GetProperty("commands").GetString()!), roundTrippedCommands);
        Assert.Equal(commands, roundTrippedCommands);
    }

    [Fact]
    public async Task ProtobufBuild_CommandsAsTheSdkBuildsThem_DecodeHere()
    {
        var input = new { replies = Convert.ToBase64String(ClientCodecs.Protobuf.EncodeReply(new Reply())), commands = Convert.ToBase64String([0x00]) };

        using var output = JsonDocument.Parse(await NodeScript.RunAsync("protobuf-codec.cjs", JsonSerializer.Serialize(input)));
        var commands = new List<Command>();
        ClientCodecs.Protobuf.DecodeCommands(Convert.FromBase64String(output.RootElement.GetProperty("sdkCommands").GetString()!), commands);

        Assert.Equal(12, commands.Count);
        Assert.Equal("eyJ", commands[0].Connect.Token);
        Assert.Equal("{\"a\":1}", commands[0].Connect.Data.ToStringUtf8());
        Assert.Equal("v", commands[0].Connect.Headers["h"]);
        Assert.Equal(12ul, commands[0].Connect.Subs["#42"].Offset);
        Assert.Equal(new SubscribeRequest
        {
            Channel = "news",
            Flag = 1,
            Recover = true,
            Offset = 16,
            Epoch = "ep",
            Delta = "fossil",
            JoinLeave = true,
            Positioned = true,
            Recoverable = true,
            Token = "st",
            Data = SampleMessages.Raw("{}"),
        }, commands[1].Subscribe);
        Assert.Equal("{\"text\":\"yo\"}", commands[2].Publish.Data.ToStringUtf8());
        Assert.Equal(new HistoryRequest { Channel = "news", Limit = 10, Since = new StreamPosition { Offset = 5, Epoch = "ep" }, Reverse = true }, commands[3].History);
        Assert.Equal("news", commands[4].Presence.Channel);
        Assert.Equal("news", commands[5].PresenceStats.Channel);
        Assert.Equal("getPrice", commands[6].Rpc.Method);
        Assert.Equal("new", commands[7].Refresh.Token);
        Assert.Equal("st2", commands[8].SubRefresh.Token);
        Assert.Equal("news", commands[9].Unsubscribe.Channel);
        Assert.Equal(0u, commands[10].Id);
        Assert.Equal("{\"s\":1}", commands[10].Send.Data.ToStringUtf8());
        Assert.Equal(new Command(), commands[11]);
    }

    [Fact]
    public async Task JsonBuild_ParsesAFrameOfEveryReply()
    {
        var encoded = SampleMessages.Replies.Values.Select(create => Encoding.UTF8.GetString(ClientCodecs.Json.EncodeReply(create()))).ToList();
        var frame = string.Join('\n', encoded);

        var parsed = JsonNode.Parse(await NodeScript.RunAsync("json-codec.cjs", frame))!.AsArray();

        Assert.Equal(encoded.Count, parsed.Count);
        for (var i = 0; i < encoded.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(encoded[i]), parsed[i]), $"reply {i}: ours {encoded[i]}, SDK saw {parsed[i]?.ToJsonString()}");
        }
    }
}
