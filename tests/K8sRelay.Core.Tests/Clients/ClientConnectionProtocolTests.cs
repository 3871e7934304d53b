using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Tests.Clients;

public sealed class ClientConnectionProtocolTests
{
    [Fact]
    public async Task HandleFrame_CommandBeforeConnect_DisconnectsWithBadRequest()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open();

        await harness.SendAsync(client, ProtocolType.Json, new Command { Subscribe = new SubscribeRequest { Channel = "a" } });

        Assert.Equal(3501u, (await transport.Closed).Code);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\":\"x\",\"connect\":{}}")]
    public async Task HandleFrame_MalformedJson_DisconnectsWithBadRequest(string frame)
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open();

        var keepReading = await client.HandleFrameAsync(System.Text.Encoding.UTF8.GetBytes(frame));

        Assert.False(keepReading);
        Assert.Equal(3501u, (await transport.Closed).Code);
    }

    [Fact]
    public async Task HandleFrame_MalformedProtobuf_DisconnectsWithBadRequest()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open(ProtocolType.Protobuf);

        await client.HandleFrameAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0x01, 0x02 });

        Assert.Equal(3501u, (await transport.Closed).Code);
    }

    [Fact]
    public async Task Connect_NoCredentials_DisconnectsWithBadRequest()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open();

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest() });

        Assert.Equal(3501u, (await transport.Closed).Code);
    }

    [Theory]
    [InlineData(ProtocolType.Json)]
    [InlineData(ProtocolType.Protobuf)]
    public async Task Connect_ValidToken_RepliesWithClientPingAndExpiry(ProtocolType protocol)
    {
        await using var harness = new ClientConnectionHarness();

        var (client, transport) = await harness.ConnectAsync("alice", protocol, TimeSpan.FromMinutes(10));

        var reply = transport.Replies().Single(r => r.Connect is not null).Connect;
        Assert.Equal(client.ClientId, reply.Client);
        Assert.Equal(25u, reply.Ping);
        Assert.True(reply.Pong);
        Assert.True(reply.Expires);
        Assert.InRange(reply.Ttl, 590u, 600u);
        Assert.Equal("alice", client.UserId);
        Assert.Equal(1, harness.Node.Hub.ClientCount);
    }

    [Fact]
    public async Task Connect_SecondConnect_DisconnectsWithBadRequest()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = await harness.ConnectAsync();

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest { Token = "x" } });

        Assert.Equal(3501u, (await transport.Closed).Code);
        Assert.Equal(0, harness.Node.Hub.ClientCount);
    }

    [Fact]
    public async Task Connect_ExpiredToken_AnswersTokenExpiredAndKeepsTransportOpen()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open();
        var issuedAnHourAgo = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(harness.Time.GetUtcNow().AddHours(-1));
        var token = Testing.Nodes.TestNodes.Tokens(issuedAnHourAgo).CreateConnectionToken("42", TimeSpan.FromSeconds(1));

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest { Token = token } });

        var reply = await transport.WaitForReplyAsync(r => r.Error is not null);
        Assert.Equal(109u, reply.Error.Code);
        Assert.False(transport.Closed.IsCompleted);
    }

    [Fact]
    public async Task Connect_InvalidToken_DisconnectsWithInvalidToken()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open();

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest { Token = "a.b.c" } });

        Assert.Equal(3500u, (await transport.Closed).Code);
    }

    [Fact]
    public async Task Send_WithoutHandler_DisconnectsWithNotAvailable()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = await harness.ConnectAsync();

        await harness.SendAsync(client, ProtocolType.Json, new Command { Send = new SendRequest { Data = Google.Protobuf.ByteString.CopyFromUtf8("{}") } }, assignId: false);

        Assert.Equal(3508u, (await transport.Closed).Code);
    }

    [Fact]
    public async Task Pong_WithoutPing_DisconnectsWithBadRequest()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = await harness.ConnectAsync();

        await client.HandleFrameAsync("{}"u8.ToArray());

        Assert.Equal(3501u, (await transport.Closed).Code);
    }
}
