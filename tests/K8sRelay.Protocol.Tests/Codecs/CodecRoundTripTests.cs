using System.Buffers;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>Every command, reply and push survives encode → decode in both codecs, alone and in multi-message frames.</summary>
public sealed class CodecRoundTripTests
{
    public static TheoryData<ProtocolType, string> CommandCases =>
        [.. Protocols.SelectMany(p => SampleMessages.Commands.Keys.Select(name => (p, name)))];

    public static TheoryData<ProtocolType, string> ReplyCases =>
        [.. Protocols.SelectMany(p => SampleMessages.Replies.Keys.Select(name => (p, name)))];

    public static TheoryData<ProtocolType> ProtocolCases => [.. Protocols];

    private static ProtocolType[] Protocols => [ProtocolType.Json, ProtocolType.Protobuf];

    [Theory]
    [MemberData(nameof(CommandCases))]
    public void Command_RoundTrips(ProtocolType protocol, string name)
    {
        var command = SampleMessages.Commands[name]();
        var encoded = ClientCodecs.ClientSideFor(protocol).EncodeCommand(command);

        var decoded = new List<Command>();
        ClientCodecs.For(protocol).DecodeCommands(encoded, decoded);

        Assert.Equal(command, Assert.Single(decoded));
    }

    [Theory]
    [MemberData(nameof(ReplyCases))]
    public void Reply_RoundTrips(ProtocolType protocol, string name)
    {
        var reply = SampleMessages.Replies[name]();
        var encoded = ClientCodecs.For(protocol).EncodeReply(reply);

        var decoded = new List<Reply>();
        ClientCodecs.ClientSideFor(protocol).DecodeReplies(encoded, decoded);

        Assert.Equal(reply, Assert.Single(decoded));
    }

    [Theory]
    [MemberData(nameof(ReplyCases))]
    public void WriteReply_MatchesEncodeReply(ProtocolType protocol, string name)
    {
        var reply = SampleMessages.Replies[name]();
        var codec = ClientCodecs.For(protocol);
        var output = new ArrayBufferWriter<byte>();
        output.Write("prefix"u8);

        codec.WriteReply(reply, output);

        Assert.Equal([.. "prefix"u8, .. codec.EncodeReply(reply)], output.WrittenSpan.ToArray());
    }

    [Theory]
    [MemberData(nameof(ReplyCases))]
    public void BarePush_RoundTrips(ProtocolType protocol, string name)
    {
        var push = SampleMessages.Replies[name]().Push;
        if (push is null)
        {
            return;
        }

        var encoded = ClientCodecs.For(protocol).EncodePush(push);

        Assert.Equal(push, ClientCodecs.ClientSideFor(protocol).DecodePush(encoded));
    }

    [Theory]
    [MemberData(nameof(ProtocolCases))]
    public void ConnectRequest_RoundTripsBare(ProtocolType protocol)
    {
        var request = SampleMessages.FullConnectRequest();

        var encoded = ClientCodecs.ClientSideFor(protocol).EncodeConnectRequest(request);

        Assert.Equal(request, ClientCodecs.For(protocol).DecodeConnectRequest(encoded));
    }

    [Theory]
    [MemberData(nameof(ProtocolCases))]
    public void AllCommandsInOneFrame_DecodeInOrder(ProtocolType protocol)
    {
        var commands = SampleMessages.Commands.Values.Select(create => create()).ToList();
        var frame = ClientCodecs.ClientSideFor(protocol).EncodeCommands(commands);

        var decoded = new List<Command> { new() { Id = 999 } };
        ClientCodecs.For(protocol).DecodeCommands(frame, decoded);

        Assert.Equal([new Command { Id = 999 }, .. commands], decoded);
    }

    [Theory]
    [MemberData(nameof(ProtocolCases))]
    public void AllRepliesInOneFrame_DecodeInOrder(ProtocolType protocol)
    {
        var replies = SampleMessages.Replies.Values.Select(create => create()).ToList();
        var codec = ClientCodecs.For(protocol);
        var separator = protocol == ProtocolType.Json ? "\n"u8.ToArray() : [];
        var frame = replies.Select(reply => codec.EncodeReply(reply)).Aggregate((all, next) => [.. all, .. separator, .. next]);

        var decoded = new List<Reply>();
        ClientCodecs.ClientSideFor(protocol).DecodeReplies(frame, decoded);

        Assert.Equal(replies, decoded);
    }

    [Theory]
    [MemberData(nameof(ProtocolCases))]
    public void EncodePublicationPush_MatchesEncodeReply(ProtocolType protocol)
    {
        var codec = ClientCodecs.For(protocol);
        foreach (var channel in new[] { "chat:1", string.Empty, "канал", new string('c', 300) })
        {
            foreach (var publication in new[] { SampleMessages.FullPublication(), new Publication(), new Publication { Data = SampleMessages.Raw("{}"), Offset = 1 } })
            {
                foreach (var flags in new[] { ReplyEncodingFlags.None, ReplyEncodingFlags.PublicationDataAsJsonString })
                {
                    var expected = codec.EncodeReply(new Reply { Push = new Push { Channel = channel, Pub = publication } }, flags);

                    Assert.Equal(expected, codec.EncodePublicationPush(channel, publication, flags));
                }
            }
        }
    }

    [Fact]
    public void ClientCodecs_ForReturnsTheSharedInstances()
    {
        Assert.Same(ClientCodecs.Json, ClientCodecs.For(ProtocolType.Json));
        Assert.Same(ClientCodecs.Protobuf, ClientCodecs.For(ProtocolType.Protobuf));
        Assert.Equal(ProtocolType.Json, ClientCodecs.Json.Protocol);
        Assert.Equal(ProtocolType.Protobuf, ClientCodecs.Protobuf.Protocol);
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientCodecs.For((ProtocolType)7));
    }
}
