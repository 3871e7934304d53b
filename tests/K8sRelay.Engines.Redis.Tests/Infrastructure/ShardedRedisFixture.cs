namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>Two standalone servers used as client-side shards (an address array).</summary>
public sealed class ShardedRedisFixture : RedisTopologyFixture
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Addresses => Servers.Select(s => s.Address).ToList();

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await AddServerAsync("shard-0");
        await AddServerAsync("shard-1");
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<int>> MasterPortsAsync() => Task.FromResult<IReadOnlyList<int>>(Servers.Select(s => s.Port).ToList());
}
