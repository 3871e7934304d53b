using System.Text;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

/// <summary>Every kind of bad JSON input ends in <see cref="ProtocolDecodeException"/> and nothing else.</summary>
public sealed class JsonMalformedInputTests
{
    public static TheoryData<string, string> MalformedFrames => new()
    {
        { "empty frame", "" },
        { "only a newline", "\n" },
        { "two trailing newlines", "{}\n\n" },
        { "empty first message", "\n{}" },
        { "empty message in the middle", "{}\n\n{}" },
        { "whitespace-only message", "   " },
        { "truncated object", "{\"id\":1" },
        { "truncated string", "{\"connect\":{\"token\":\"abc" },
        { "truncated after colon", "{\"id\":" },
        { "id as string", "{\"id\":\"x\"}" },
        { "negative id", "{\"id\":-1}" },
        { "fractional id", "{\"id\":1.5}" },
        { "id beyond 32 bits", "{\"id\":4294967296}" },
        { "array instead of object", "[]" },
        { "array of commands", "[{\"id\":1}]" },
        { "string instead of object", "\"connect\"" },
        { "number instead of object", "42" },
        { "null instead of object", "null" },
        { "boolean instead of object", "true" },
        { "request as array", "{\"connect\":[]}" },
        { "request as string", "{\"subscribe\":\"news\"}" },
        { "token as number", "{\"connect\":{\"token\":5}}" },
        { "bool as string", "{\"subscribe\":{\"channel\":\"c\",\"recover\":\"yes\"}}" },
        { "bool as number", "{\"subscribe\":{\"channel\":\"c\",\"recover\":1}}" },
        { "negative uint64 offset", "{\"subscribe\":{\"offset\":-1}}" },
        { "int32 overflow", "{\"history\":{\"channel\":\"c\",\"limit\":2147483648}}" },
        { "header value as number", "{\"connect\":{\"headers\":{\"a\":1}}}" },
        { "subs as array", "{\"connect\":{\"subs\":[]}}" },
        { "subs entry as string", "{\"connect\":{\"subs\":{\"ch\":\"x\"}}}" },
        { "since as number", "{\"history\":{\"since\":5}}" },
        { "filter vals with numbers", "{\"subscribe\":{\"tf\":{\"vals\":[1]}}}" },
        { "filter nodes as object", "{\"subscribe\":{\"tf\":{\"nodes\":{}}}}" },
        { "two objects on one line", "{} {}" },
        { "trailing garbage", "{}x" },
        { "single quotes", "{'id':1}" },
        { "unquoted name", "{id:1}" },
        { "trailing comma", "{\"id\":1,}" },
        { "comment", "{\"id\":1}/*c*/" },
        { "raw control character in string", "{\"connect\":{\"token\":\"a\u0001b\"}}" },
        { "lone surrogate escape", "{\"connect\":{\"token\":\"\\ud800\"}}" },
        { "bad escape", "{\"connect\":{\"token\":\"\\q\"}}" },
        { "truncated raw data", "{\"publish\":{\"channel\":\"c\",\"data\":{\"a\":" },
        { "invalid raw data", "{\"publish\":{\"channel\":\"c\",\"data\":{a}}}" },
        { "second message broken", "{\"id\":1,\"publish\":{\"channel\":\"c\"}}\n{\"id\":" },
        { "deep nesting", "{\"publish\":{\"data\":" + new string('[', 200) + new string(']', 200) + "}}" },
    };

    public static TheoryData<string, byte[]> MalformedBytes => new()
    {
        { "invalid UTF-8 in a string", [.. "{\"connect\":{\"token\":\""u8, 0xFF, 0xFE, .. "\"}}"u8] },
        { "invalid UTF-8 in raw data", [.. "{\"publish\":{\"data\":\""u8, 0xC3, 0x28, .. "\"}}"u8] },
        { "invalid UTF-8 in a property name", [.. "{\""u8, 0xFF, .. "\":1}"u8] },
        { "overlong UTF-8", [.. "{\"connect\":{\"token\":\""u8, 0xC0, 0xAF, .. "\"}}"u8] },
        { "binary garbage", [0x00, 0x01, 0xFF, 0x10, 0x7B, 0x22] },
        { "protobuf pong", [0x00] },
        { "protobuf command", [0x04, 0x08, 0x01, 0x22, 0x00] },
        { "UTF-16 text", Encoding.Unicode.GetBytes("{\"id\":1}") },
        { "NUL after message", [.. "{}"u8, 0x00] },
    };

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void MalformedFrame_Throws(string why, string frame) => AssertRejected(why, Encoding.UTF8.GetBytes(frame));

    [Theory]
    [MemberData(nameof(MalformedBytes))]
    public void MalformedBytes_Throw(string why, byte[] frame) => AssertRejected(why, frame);

    [Fact]
    public void FailedFrame_AppendsNothing()
    {
        var commands = new List<Command> { new() { Id = 99 } };

        Assert.Throws<ProtocolDecodeException>(() => ClientCodecs.Json.DecodeCommands("{\"id\":1}\n{\"id\":2}\n{\"id\":"u8, commands));

        Assert.Equal([new Command { Id = 99 }], commands);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"token\":1}")]
    [InlineData("{\"subs\":{\"ch\":{\"offset\":\"1\"}}}")]
    [InlineData("{}{}")]
    public void MalformedConnectRequest_Throws(string json)
    {
        Assert.Throws<ProtocolDecodeException>(() => ClientCodecs.Json.DecodeConnectRequest(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void RandomMutationsOfValidFrames_OnlyEverThrowProtocolDecodeException()
    {
        var valid = ClientCodecs.Json.EncodeCommands(SampleMessages.Commands.Values.Select(create => create()));
        var random = new Random(20240601);
        var commands = new List<Command>();
        for (var i = 0; i < 5000; i++)
        {
            var frame = Mutate(valid, random);
            commands.Clear();
            try
            {
                ClientCodecs.Json.DecodeCommands(frame, commands);
            }
            catch (ProtocolDecodeException)
            {
            }
        }
    }

    private static void AssertRejected(string why, byte[] frame)
    {
        var commands = new List<Command>();
        var ex = Record.Exception(() => ClientCodecs.Json.DecodeCommands(frame, commands));

        Assert.True(ex is ProtocolDecodeException, $"{why}: expected ProtocolDecodeException, got {ex?.GetType().Name ?? "no exception"}");
        Assert.Empty(commands);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && bytes.Count > 1; e++)
        {
            var position = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[position] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(position); break;
                case 2: bytes.Insert(position, (byte)"{}[]\":,\\n0-e.tfu"[random.Next(16)]); break;
                default: bytes.RemoveRange(position, bytes.Count - position); break;
            }
        }

        return [.. bytes];
    }
}
