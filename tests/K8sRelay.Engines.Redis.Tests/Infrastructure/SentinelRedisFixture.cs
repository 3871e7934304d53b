using K8sRelay.Testing.Processes;
namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>
/// Three processes: a master, a replica and a Sentinel watching them (quorum 1, 1 s down-after), addressed as
/// <c>redis+sentinel://127.0.0.1:SENTINEL?sentinel_master_name=mymaster</c>.
/// </summary>
public sealed class SentinelRedisFixture : RedisTopologyFixture
{
    /// <summary>Name the Sentinel knows the master by.</summary>
    public const string MasterName = "mymaster";

    private RedisServer? _sentinel;

    /// <summary>The server that was master at start.</summary>
    public RedisServer InitialMaster => Servers[0];

    /// <summary>The server that was replica at start.</summary>
    public RedisServer InitialReplica => Servers[1];

    /// <summary>The Sentinel.</summary>
    public RedisServer Sentinel => _sentinel ?? throw new InvalidOperationException("Not started.");

    /// <inheritdoc />
    public override IReadOnlyList<string> Addresses => [$"redis+sentinel://{Sentinel.Address}?sentinel_master_name={MasterName}"];

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        var master = await AddServerAsync("master");
        var replica = await AddServerAsync("replica", null, "--replicaof", "127.0.0.1", master.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WaitUntil.TrueAsync(async () => (await replica.CommandAsync("INFO", "replication")).Contains("master_link_status:up", StringComparison.Ordinal), "the replica to sync");
        _sentinel = await AddSentinelAsync("sentinel", master, MasterName);
        await WaitUntil.TrueAsync(async () => (await CurrentMasterPortAsync()) == master.Port, "the Sentinel to know the master");
        await WaitUntil.TrueAsync(
            async () => (await Sentinel.CommandAsync("SENTINEL", "replicas", MasterName)).Contains(replica.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "the Sentinel to discover the replica");
    }

    /// <summary>The master port the Sentinel currently reports.</summary>
    public async Task<int> CurrentMasterPortAsync()
    {
        var reply = await Sentinel.CommandAsync("SENTINEL", "get-master-addr-by-name", MasterName);
        var parts = reply.Split('\n');
        return parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<int>> MasterPortsAsync() => [await CurrentMasterPortAsync()];
}
