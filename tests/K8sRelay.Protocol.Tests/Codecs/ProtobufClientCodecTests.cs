using Google.Protobuf;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>Protobuf framing: varint length prefixes, the one-byte ping/pong and malformed input.</summary>
public sealed class ProtobufClientCodecTests
{
    private static readonly ProtobufClientCodec Codec = ClientCodecs.Protobuf;

    private static List<Command> Decode(byte[] frame)
    {
        var commands = new List<Command>();
        Codec.DecodeCommands(frame, commands);
        return commands;
    }

    [Fact]
    public void EmptyCommand_IsTheSingleZeroByte()
    {
        Assert.Equal(new Command(), Assert.Single(Decode([0x00])));
        Assert.Equal([0x00], Codec.EncodeCommand(new Command()));
    }

    [Fact]
    public void EmptyReply_IsTheSingleZeroByte()
    {
        Assert.Equal([0x00], Codec.EncodeReply(new Reply()));
        Assert.Equal([0x00], Codec.EncodePush(new Push()));
    }

    [Fact]
    public void SeveralPongs_DecodeAsSeveralEmptyCommands()
    {
        Assert.Equal([new Command(), new Command(), new Command()], Decode([0x00, 0x00, 0x00]));
    }

    [Fact]
    public void Reply_HasVarintLengthPrefix()
    {
        var reply = new Reply { Id = 3, Publish = new PublishResult() };

        // id=3 (08 03), publish = empty message in field 8 (42 00): 4 bytes.
        Assert.Equal([0x04, 0x08, 0x03, 0x42, 0x00], Codec.EncodeReply(reply));
    }

    [Fact]
    public void LongMessage_UsesMultiByteLengthPrefix()
    {
        var command = new Command { Id = 1, Publish = new PublishRequest { Channel = "c", Data = ByteString.CopyFrom(new byte[300]) } };

        var encoded = Codec.EncodeCommand(command);

        var length = command.CalculateSize();
        Assert.Equal((byte)(0x80 | (length & 0x7F)), encoded[0]);
        Assert.Equal((byte)(length >> 7), encoded[1]);
        Assert.Equal(command, Assert.Single(Decode(encoded)));
    }

    [Fact]
    public void BinaryPayload_IsCarriedAsIs()
    {
        var data = ByteString.CopyFrom(0x00, 0x0A, 0xFF, 0x0D);
        var reply = new Reply { Push = new Push { Channel = "c", Pub = new Publication { Data = data } } };

        var decoded = new List<Reply>();
        Codec.DecodeReplies(Codec.EncodeReply(reply), decoded);

        Assert.Equal(data, decoded[0].Push.Pub.Data);
    }

    [Fact]
    public void DecodeConnectRequest_TakesTheBareMessage()
    {
        var request = new ConnectRequest { Token = "t", Name = "grpc" };

        Assert.Equal(request, Codec.DecodeConnectRequest(request.ToByteArray()));
        Assert.Equal(new ConnectRequest(), Codec.DecodeConnectRequest([]));
    }

    public static TheoryData<string, byte[]> MalformedFrames => new()
    {
        { "empty frame", [] },
        { "truncated varint", [0x80] },
        { "varint longer than five bytes", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00] },
        { "varint overflowing 32 bits", [0xFF, 0xFF, 0xFF, 0xFF, 0x7F] },
        { "length beyond int", [0xFF, 0xFF, 0xFF, 0xFF, 0x0F] },
        { "length prefix larger than frame", [0x05, 0x08, 0x01] },
        { "second message truncated", [0x02, 0x08, 0x01, 0x03, 0x08] },
        { "second prefix truncated", [0x00, 0x81] },
        { "invalid tag zero", [0x02, 0x00, 0x00] },
        { "invalid wire type", [0x02, 0x0F, 0x01] },
        { "field length beyond message", [0x03, 0x22, 0x05, 0x0A] },
        { "truncated field varint", [0x02, 0x08, 0xFF] },
        { "nested message garbage", [0x04, 0x22, 0x02, 0xFF, 0xFF] },
        { "end-group without start", [0x01, 0x0C] },
        { "JSON text", "{\"id\":1}"u8.ToArray() },
        { "deep filter nesting", DeepFilterFrame(200) },
    };

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void MalformedFrame_Throws(string why, byte[] frame)
    {
        var commands = new List<Command>();
        var ex = Record.Exception(() => Codec.DecodeCommands(frame, commands));

        Assert.True(ex is ProtocolDecodeException, $"{why}: expected ProtocolDecodeException, got {ex?.GetType().Name ?? "no exception"}");
        Assert.Empty(commands);
    }

    [Fact]
    public void MalformedBarePayloads_Throw()
    {
        Assert.Throws<ProtocolDecodeException>(() => Codec.DecodeConnectRequest([0x0A, 0x05, 0x41]));
        Assert.Throws<ProtocolDecodeException>(() => Codec.DecodePush([0x02, 0x10]));
        Assert.Throws<ProtocolDecodeException>(() => Codec.DecodePush([0x00, 0x00]));
        Assert.Throws<ProtocolDecodeException>(() => Codec.DecodeReplies([], []));
    }

    [Fact]
    public void RandomBytes_OnlyEverThrowProtocolDecodeException()
    {
        var random = new Random(77);
        var valid = Codec.EncodeCommands(SampleMessages.Commands.Values.Select(create => create()));
        var commands = new List<Command>();
        for (var i = 0; i < 5000; i++)
        {
            byte[] frame;
            if (i % 2 == 0)
            {
                frame = new byte[random.Next(1, 64)];
                random.NextBytes(frame);
            }
            else
            {
                frame = (byte[])valid.Clone();
                for (var e = random.Next(1, 4); e > 0; e--)
                {
                    frame[random.Next(frame.Length)] = (byte)random.Next(256);
                }

                frame = frame[..random.Next(1, frame.Length + 1)];
            }

            commands.Clear();
            try
            {
                Codec.DecodeCommands(frame, commands);
            }
            catch (ProtocolDecodeException)
            {
            }
        }
    }

    private static byte[] DeepFilterFrame(int depth)
    {
        var node = new FilterNode { Key = "k" };
        for (var i = 0; i < depth; i++)
        {
            node = new FilterNode { Op = "not", Nodes = { node } };
        }

        return Codec.EncodeCommand(new Command { Id = 1, Subscribe = new SubscribeRequest { Channel = "c", Tf = node } });
    }
}
