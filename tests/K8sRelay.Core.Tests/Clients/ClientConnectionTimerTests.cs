using K8sRelay.Protocol.Codecs;

namespace K8sRelay.Core.Tests.Clients;

public sealed class ClientConnectionTimerTests
{
    [Fact]
    public async Task Stale_NoConnectWithinDelay_DisconnectsWithStale()
    {
        await using var harness = new ClientConnectionHarness();
        var (_, transport) = harness.Open();

        harness.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal(3502u, (await transport.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
    }

    [Fact]
    public async Task Ping_NoPong_DisconnectsWithNoPong()
    {
        await using var harness = new ClientConnectionHarness();
        var (_, transport) = await harness.ConnectAsync();

        // The first ping goes out at a random point within the first interval; the pong is due 8 s later.
        harness.Advance(TimeSpan.FromSeconds(36));

        Assert.Equal(3012u, (await transport.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
    }

    [Fact]
    public async Task Ping_AnsweredWithPong_StaysConnected()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = await harness.ConnectAsync();

        static bool IsPing(K8sRelay.Protocol.Messages.Reply r) => r.Id == 0 && r.Push is null && r.Connect is null;
        for (var second = 0; second < 26 && !transport.Replies().Any(IsPing); second++)
        {
            harness.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await transport.WaitForReplyAsync(IsPing);
        Assert.True(await client.HandleFrameAsync("{}"u8.ToArray()));
        harness.Advance(TimeSpan.FromSeconds(10));

        Assert.False(transport.Closed.IsCompleted);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Expiry_NotRefreshed_DisconnectsWithExpired()
    {
        await using var harness = new ClientConnectionHarness(c =>
        {
            c.Client.PingInterval = TimeSpan.FromMinutes(10);
            c.Client.ExpiredCloseDelay = TimeSpan.FromSeconds(5);
        });
        var (_, transport) = await harness.ConnectAsync(ttl: TimeSpan.FromSeconds(10));

        harness.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(3005u, (await transport.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
    }

    [Fact]
    public async Task ConnectError_ClosedAfterGracePeriod()
    {
        await using var harness = new ClientConnectionHarness();
        var (client, transport) = harness.Open(ProtocolType.Json);
        var issuedAnHourAgo = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(harness.Time.GetUtcNow().AddHours(-1));
        var token = Testing.Nodes.TestNodes.Tokens(issuedAnHourAgo).CreateConnectionToken("42", TimeSpan.FromSeconds(1));
        await harness.SendAsync(client, ProtocolType.Json, new Protocol.Messages.Command { Connect = new Protocol.Messages.ConnectRequest { Token = token } });

        harness.Advance(TimeSpan.FromSeconds(7));

        Assert.Equal(3000u, (await transport.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
    }
}
