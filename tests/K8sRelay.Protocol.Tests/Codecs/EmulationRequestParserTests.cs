using System.Text;
using Google.Protobuf;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests.Codecs;

public sealed class EmulationRequestParserTests
{
    [Fact]
    public void Json_WorkedExample()
    {
        var body = "{\"session\":\"6c0e\",\"node\":\"a1b2\",\"data\":\"{\\\"subscribe\\\":{\\\"channel\\\":\\\"news\\\",\\\"flag\\\":1},\\\"id\\\":2}\"}"u8;

        var request = EmulationRequestParser.ParseJson(body);

        Assert.Equal("6c0e", request.Session);
        Assert.Equal("a1b2", request.Node);
        Assert.True(request.HasData);
        var commands = new List<Command>();
        ClientCodecs.Json.DecodeCommands(request.Data.Span, commands);
        Assert.Equal(new Command { Id = 2, Subscribe = new SubscribeRequest { Channel = "news", Flag = 1 } }, Assert.Single(commands));
    }

    [Fact]
    public void Json_DataWithSeveralCommandsAndUnicode()
    {
        var frame = "{\"id\":3,\"publish\":{\"channel\":\"c\",\"data\":{\"t\":\"é\\n😀\"}}}\n{}";
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { session = "s", node = "n", data = frame }));

        var request = EmulationRequestParser.ParseJson(body);

        Assert.Equal(frame, Encoding.UTF8.GetString(request.Data.Span));
        var commands = new List<Command>();
        ClientCodecs.Json.DecodeCommands(request.Data.Span, commands);
        Assert.Equal(2, commands.Count);
    }

    [Theory]
    [InlineData("{\"session\":\"s\",\"node\":\"n\"}")]
    [InlineData("{\"session\":\"s\",\"node\":\"n\",\"data\":{\"id\":1}}")]
    [InlineData("{\"session\":\"s\",\"node\":\"n\",\"data\":5}")]
    [InlineData("{\"session\":\"s\",\"node\":\"n\",\"data\":null}")]
    public void Json_DataNotAString_IsReportedNotThrown(string body)
    {
        var request = EmulationRequestParser.ParseJson(Encoding.UTF8.GetBytes(body));

        Assert.False(request.HasData);
        Assert.Equal("s", request.Session);
        Assert.True(request.Data.IsEmpty);
    }

    [Fact]
    public void Json_UnknownMembersAndNullsAreIgnored()
    {
        var request = EmulationRequestParser.ParseJson("{\"x\":[1,{}],\"session\":null,\"node\":\"n\",\"data\":\"{}\"}"u8);

        Assert.Equal(string.Empty, request.Session);
        Assert.Equal("n", request.Node);
        Assert.Equal("{}", Encoding.UTF8.GetString(request.Data.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"data\"")]
    [InlineData("{\"session\":1,\"data\":\"{}\"}")]
    [InlineData("{\"node\":[],\"data\":\"{}\"}")]
    [InlineData("{\"session\":\"s\",\"data\":\"{}\"")]
    [InlineData("{\"session\":\"s\"}{}")]
    [InlineData("{\"data\":\"\\ud800\"}")]
    public void Json_Malformed_Throws(string body)
    {
        Assert.Throws<ProtocolDecodeException>(() => EmulationRequestParser.ParseJson(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Protobuf_BareEmulationRequest()
    {
        var frame = ClientCodecs.Protobuf.EncodeCommands([new Command { Id = 2, Subscribe = new SubscribeRequest { Channel = "news" } }, new Command()]);
        var body = new EmulationRequest { Session = "s", Node = "n", Data = ByteString.CopyFrom(frame) }.ToByteArray();

        var request = EmulationRequestParser.Parse(body, ProtocolType.Protobuf);

        Assert.Equal("s", request.Session);
        Assert.Equal("n", request.Node);
        Assert.True(request.HasData);
        var commands = new List<Command>();
        ClientCodecs.Protobuf.DecodeCommands(request.Data.Span, commands);
        Assert.Equal(2, commands.Count);
    }

    [Fact]
    public void Protobuf_Malformed_Throws()
    {
        Assert.Throws<ProtocolDecodeException>(() => EmulationRequestParser.ParseProtobuf([0x1A, 0x10, 0x00]));
        Assert.Throws<ProtocolDecodeException>(() => EmulationRequestParser.Parse("{\"session\":\"s\"}"u8, ProtocolType.Protobuf));
    }
}
