namespace K8sRelay.Engines.Redis.Tests;

public sealed class ShardSelectorTests
{
    private static readonly string[] Channels = Enumerable.Range(0, 5000).Select(i => $"chat:room-{i}").ToArray();

    [Fact]
    public void Select_OneShard_IsAlwaysZero() => Assert.All(Channels, c => Assert.Equal(0, ShardSelector.Select(c, 1)));

    [Fact]
    public void Select_IsStableAndInRange()
    {
        foreach (var channel in Channels)
        {
            var shard = ShardSelector.Select(channel, 3);
            Assert.InRange(shard, 0, 2);
            Assert.Equal(shard, ShardSelector.Select(channel, 3));
        }
    }

    [Fact]
    public void Select_AddingAShard_MovesChannelsOnlyToTheNewShard()
    {
        foreach (var channel in Channels)
        {
            var before = ShardSelector.Select(channel, 4);
            var after = ShardSelector.Select(channel, 5);
            Assert.True(after == before || after == 4, $"{channel} moved from {before} to {after}");
        }
    }

    [Fact]
    public void Select_SpreadsChannelsOverEveryShard()
    {
        var counts = Channels.GroupBy(c => ShardSelector.Select(c, 2)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(2, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 2000, 3000));
    }
}
