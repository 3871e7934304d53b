using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>Presence scenarios.</summary>
public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task Presence_OfEmptyChannel_IsEmpty()
    {
        var channel = NewChannel();

        Assert.Empty(await Node.Presence.PresenceAsync(channel, Ct));
        Assert.Equal(new PresenceStats(0, 0), await Node.Presence.PresenceStatsAsync(channel, Ct));
    }

    [Fact]
    public async Task Presence_Added_IsReturnedWithItsInfo()
    {
        var channel = NewChannel();
        var info = new ClientInfo("u1", "c1", Bytes("{\"n\":1}"), Bytes("{\"c\":2}"));

        await Node.Presence.AddPresenceAsync(channel, "c1", info, Ct);

        var presence = await Node.Presence.PresenceAsync(channel, Ct);
        var stored = Assert.Single(presence);
        Assert.Equal("c1", stored.Key);
        Assert.Equal("u1", stored.Value.User);
        Assert.Equal("c1", stored.Value.Client);
        Assert.Equal(Bytes("{\"n\":1}"), stored.Value.ConnInfo);
        Assert.Equal(Bytes("{\"c\":2}"), stored.Value.ChanInfo);
    }

    [Fact]
    public async Task Presence_Removed_IsGone()
    {
        var channel = NewChannel();
        await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1"), Ct);
        await Node.Presence.AddPresenceAsync(channel, "c2", new ClientInfo("u2", "c2"), Ct);

        await Node.Presence.RemovePresenceAsync(channel, "c1", "u1", Ct);

        Assert.Equal(["c2"], (await Node.Presence.PresenceAsync(channel, Ct)).Keys);
        Assert.Equal(new PresenceStats(1, 1), await Node.Presence.PresenceStatsAsync(channel, Ct));
    }

    [Fact]
    public async Task PresenceStats_CountClientsAndDistinctUsers()
    {
        var channel = NewChannel();
        await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1"), Ct);
        await Node.Presence.AddPresenceAsync(channel, "c2", new ClientInfo("u1", "c2"), Ct);
        await Node.Presence.AddPresenceAsync(channel, "c3", new ClientInfo("u2", "c3"), Ct);
        await Node.Presence.AddPresenceAsync(channel, "c4", new ClientInfo(string.Empty, "c4"), Ct);

        Assert.Equal(new PresenceStats(4, 3), await Node.Presence.PresenceStatsAsync(channel, Ct));
    }

    [Fact]
    public async Task Presence_AddedAgain_ReplacesTheInfo()
    {
        var channel = NewChannel();
        await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1", Bytes("old")), Ct);

        await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1", Bytes("new")), Ct);

        var stored = Assert.Single(await Node.Presence.PresenceAsync(channel, Ct));
        Assert.Equal(Bytes("new"), stored.Value.ConnInfo);
        Assert.Equal(new PresenceStats(1, 1), await Node.Presence.PresenceStatsAsync(channel, Ct));
    }

    [Fact]
    public async Task Presence_BelongsToOneChannel()
    {
        var first = NewChannel();
        var second = NewChannel();

        await Node.Presence.AddPresenceAsync(first, "c1", new ClientInfo("u1", "c1"), Ct);

        Assert.Empty(await Node.Presence.PresenceAsync(second, Ct));
    }

    [Fact]
    public async Task Presence_RefreshedWithinItsTtl_Stays()
    {
        var channel = NewChannel();
        await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1"), Ct);

        for (var i = 0; i < 4; i++)
        {
            await AdvanceTimeAsync(TimeSpan.FromSeconds(27));
            await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1"), Ct);
        }

        Assert.Equal(new PresenceStats(1, 1), await Node.Presence.PresenceStatsAsync(channel, Ct));
    }
}
