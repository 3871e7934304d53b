using K8sRelay.Configuration.Model;
using K8sRelay.Core.Engines;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using Publication = K8sRelay.Core.Engines.Publication;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Core.Tests.Clients;

public sealed class ClientConnectionSubscribeTests
{
    private static void Namespaces(RelayConfig config)
    {
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "open", AllowSubscribeForClient = true });
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "rec", AllowSubscribeForClient = true, HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(1), ForceRecovery = true,
        });
        config.Client.ChannelLimit = 2;
        config.Rpc.Ping.Enabled = true;
    }

    private static async Task<Reply> SubscribeAsync(ClientConnectionHarness harness, Core.Clients.ClientConnection client, Testing.Nodes.FakeTransport transport, string channel)
    {
        var id = await harness.SendAsync(client, ProtocolType.Json, new Command { Subscribe = new SubscribeRequest { Channel = channel } });
        return await transport.WaitForReplyAsync(r => r.Id == id);
    }

    [Theory]
    [InlineData("missing:x", 102u)]
    [InlineData("nopermission", 103u)]
    public async Task Subscribe_Refused_AnswersErrorCode(string channel, uint code)
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        var reply = await SubscribeAsync(harness, client, transport, channel);

        Assert.Equal(code, reply.Error.Code);
        Assert.Equal(0, harness.Node.Hub.SubscriptionCount);
    }

    [Fact]
    public async Task Subscribe_Twice_AnswersAlreadySubscribed()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        Assert.Null((await SubscribeAsync(harness, client, transport, "open:a")).Error);
        Assert.Equal(105u, (await SubscribeAsync(harness, client, transport, "open:a")).Error.Code);
    }

    [Fact]
    public async Task Subscribe_OverChannelLimit_AnswersLimitExceeded()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        await SubscribeAsync(harness, client, transport, "open:a");
        await SubscribeAsync(harness, client, transport, "open:b");

        Assert.Equal(106u, (await SubscribeAsync(harness, client, transport, "open:c")).Error.Code);
    }

    [Fact]
    public async Task Subscribe_TooLongOrNonAscii_AnswersBadRequest()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        Assert.Equal(107u, (await SubscribeAsync(harness, client, transport, "open:" + new string('x', 300))).Error.Code);
        Assert.Equal(107u, (await SubscribeAsync(harness, client, transport, "open:café")).Error.Code);
    }

    [Fact]
    public async Task Subscribe_EmptyChannel_DisconnectsWithBadRequest()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        await harness.SendAsync(client, ProtocolType.Json, new Command { Subscribe = new SubscribeRequest() });

        Assert.Equal(3501u, (await transport.Closed).Code);
    }

    [Fact]
    public async Task Commands_FeatureOff_AnswerNotAvailable()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        var presence = await harness.SendAsync(client, ProtocolType.Json, new Command { Presence = new PresenceRequest { Channel = "open:a" } });
        var history = await harness.SendAsync(client, ProtocolType.Json, new Command { History = new HistoryRequest { Channel = "open:a" } });
        var rpc = await harness.SendAsync(client, ProtocolType.Json, new Command { Rpc = new RPCRequest { Method = "other" } });
        var ping = await harness.SendAsync(client, ProtocolType.Json, new Command { Rpc = new RPCRequest { Method = "ping" } });

        Assert.Equal(108u, (await transport.WaitForReplyAsync(r => r.Id == presence)).Error.Code);
        Assert.Equal(108u, (await transport.WaitForReplyAsync(r => r.Id == history)).Error.Code);
        Assert.Equal(108u, (await transport.WaitForReplyAsync(r => r.Id == rpc)).Error.Code);
        Assert.NotNull((await transport.WaitForReplyAsync(r => r.Id == ping)).Rpc);
    }

    [Fact]
    public async Task Publish_NotPermitted_AnswersPermissionDenied()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();

        var id = await harness.SendAsync(client, ProtocolType.Json, new Command
        {
            Publish = new PublishRequest { Channel = "open:a", Data = Google.Protobuf.ByteString.CopyFromUtf8("{}") },
        });

        Assert.Equal(103u, (await transport.WaitForReplyAsync(r => r.Id == id)).Error.Code);
    }

    [Fact]
    public async Task LivePublication_WithOffsetGap_UnsubscribesWithInsufficientState()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();
        var subscribed = await SubscribeAsync(harness, client, transport, "rec:a");
        var epoch = subscribed.Subscribe.Epoch;

        // Offset 5 while the client holds 0: publications 1–4 were lost.
        await harness.Node.HandlePublicationAsync("rec:a", new Publication { Data = "{}"u8.ToArray(), Offset = 5 }, new StreamPosition(5, epoch), false, null);

        var push = await transport.WaitForReplyAsync(r => r.Push?.Unsubscribe is not null);
        Assert.Equal(2500u, push.Push.Unsubscribe.Code);
        Assert.Empty(client.Channels);
    }

    [Fact]
    public async Task Disconnect_RemovesSubscriptionsFromHub()
    {
        await using var harness = new ClientConnectionHarness(Namespaces);
        var (client, transport) = await harness.ConnectAsync();
        await SubscribeAsync(harness, client, transport, "open:a");
        Assert.Equal(1, harness.Node.Hub.SubscriptionCount);

        await client.DisconnectAsync(K8sRelay.Protocol.DisconnectReason.ForceNoReconnect);

        Assert.Equal(0, harness.Node.Hub.SubscriptionCount);
        Assert.Equal(0, harness.Node.Hub.ChannelCount);
        Assert.Equal(0, harness.Node.Hub.ClientCount);
        Assert.Equal(3503u, (await transport.Closed).Code);
    }
}
