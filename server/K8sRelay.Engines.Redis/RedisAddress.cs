namespace K8sRelay.Engines.Redis;

/// <summary>One parsed Redis address (one shard).</summary>
/// <param name="Topology">Deployment type.</param>
/// <param name="EndPoints">host:port pairs: the server, the Sentinels or the Cluster seeds.</param>
/// <param name="User">ACL user, or null.</param>
/// <param name="Password">Password, or null.</param>
/// <param name="Db">Database number.</param>
/// <param name="Tls">Whether to connect with TLS.</param>
/// <param name="SentinelMasterName">Master name for <see cref="RedisTopology.Sentinel"/>.</param>
public sealed record RedisAddress(
    RedisTopology Topology,
    IReadOnlyList<(string Host, int Port)> EndPoints,
    string? User,
    string? Password,
    int Db,
    bool Tls,
    string? SentinelMasterName);
