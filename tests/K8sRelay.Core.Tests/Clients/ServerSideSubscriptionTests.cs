using K8sRelay.Configuration.Model;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Testing.Nodes;

namespace K8sRelay.Core.Tests.Clients;

public sealed class ServerSideSubscriptionTests
{
    private static void Config(RelayConfig config)
    {
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "feed" });
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "personal", Presence = true });
        config.Client.SubscribeToUserPersonalChannel.Enabled = true;
        config.Client.SubscribeToUserPersonalChannel.PersonalChannelNamespace = "personal";
    }

    [Fact]
    public async Task Connect_TokenChannelsAndPersonalChannel_BecomeServerSideSubscriptions()
    {
        await using var harness = new ClientConnectionHarness(Config);
        var (client, transport) = harness.Open();
        var token = TestNodes.Tokens(harness.Time).CreateConnectionToken("42", TimeSpan.FromHours(1), channels: ["feed:a", "feed:b"]);

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest { Token = token } });

        var connect = (await transport.WaitForReplyAsync(r => r.Connect is not null)).Connect;
        Assert.Equal(["feed:a", "feed:b", "personal:#42"], connect.Subs.Keys.Order());
        Assert.Equal(["feed:a", "feed:b", "personal:#42"], client.Channels.Order());
        var presence = await harness.Node.Presence.PresenceStatsAsync("personal:#42", TestContext.Current.CancellationToken);
        Assert.Equal(1, presence.NumClients);
    }

    [Fact]
    public async Task Connect_TokenChannelInUnknownNamespace_AnswersUnknownChannel()
    {
        await using var harness = new ClientConnectionHarness(Config);
        var (client, transport) = harness.Open();
        var token = TestNodes.Tokens(harness.Time).CreateConnectionToken("42", TimeSpan.FromHours(1), channels: ["nope:a"]);

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest { Token = token } });

        Assert.Equal(102u, (await transport.WaitForReplyAsync(r => r.Error is not null)).Error.Code);
        Assert.Equal(0, harness.Node.Hub.ClientCount);
    }

    [Fact]
    public async Task Connect_MoreServerSideChannelsThanLimit_DisconnectsWithChannelLimit()
    {
        await using var harness = new ClientConnectionHarness(c =>
        {
            Config(c);
            c.Client.ChannelLimit = 2;
        });
        var (client, transport) = harness.Open();
        var token = TestNodes.Tokens(harness.Time).CreateConnectionToken("42", TimeSpan.FromHours(1), channels: ["feed:a", "feed:b"]);

        await harness.SendAsync(client, ProtocolType.Json, new Command { Connect = new ConnectRequest { Token = token } });

        Assert.Equal(3505u, (await transport.Closed).Code);
    }
}
