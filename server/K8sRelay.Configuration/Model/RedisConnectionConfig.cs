namespace K8sRelay.Configuration.Model;

/// <summary>
/// How to reach Redis: the keys shared by <c>engine.redis</c>, <c>broker.redis</c> and
/// <c>presence_manager.redis</c>.
/// </summary>
public class RedisConnectionConfig
{
    /// <summary>
    /// <c>address</c>: Redis addresses. One entry is one server (<c>host:port</c>,
    /// <c>redis://user:pass@host:port/db</c>, <c>rediss://</c> for TLS,
    /// <c>redis+sentinel://…</c>); several entries shard channels across servers. Default
    /// <c>["redis://127.0.0.1:6379"]</c>. As an environment variable: space-separated.
    /// </summary>
    public List<string> Address { get; set; } = ["redis://127.0.0.1:6379"];

    /// <summary><c>prefix</c>: prefix of every Redis key and PUB/SUB channel. Default <c>centrifugo</c>.</summary>
    public string Prefix { get; set; } = "centrifugo";

    /// <summary><c>connect_timeout</c>: timeout to establish a connection. Default 1s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>io_timeout</c>: timeout of one Redis operation. Default 4s.</summary>
    public TimeSpan IoTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary><c>db</c>: Redis database number, &gt;= 0. Default 0.</summary>
    public int Db { get; set; }

    /// <summary><c>user</c>: ACL user name. Default empty.</summary>
    public string User { get; set; } = "";

    /// <summary><c>password</c>: password. Default empty.</summary>
    public string Password { get; set; } = "";

    /// <summary><c>client_name</c>: name set with <c>CLIENT SETNAME</c>. Default empty.</summary>
    public string ClientName { get; set; } = "";

    /// <summary><c>force_resp2</c>: use the RESP2 protocol even when RESP3 is available. Default false.</summary>
    public bool ForceResp2 { get; set; }

    /// <summary><c>cluster_address</c>: seed addresses of a Redis Cluster. Default empty.</summary>
    public List<string> ClusterAddress { get; set; } = [];

    /// <summary><c>sentinel_address</c>: Sentinel addresses. Default empty.</summary>
    public List<string> SentinelAddress { get; set; } = [];

    /// <summary><c>sentinel_user</c>: Sentinel ACL user. Default empty.</summary>
    public string SentinelUser { get; set; } = "";

    /// <summary><c>sentinel_password</c>: Sentinel password. Default empty.</summary>
    public string SentinelPassword { get; set; } = "";

    /// <summary><c>sentinel_master_name</c>: name of the master Sentinel watches; required with <see cref="SentinelAddress"/>. Default empty.</summary>
    public string SentinelMasterName { get; set; } = "";

    /// <summary><c>sentinel_client_name</c>: client name used on Sentinel connections. Default empty.</summary>
    public string SentinelClientName { get; set; } = "";

    /// <summary><c>tls</c>: TLS to Redis. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();

    /// <summary><c>sentinel_tls</c>: TLS to Sentinel. Default off.</summary>
    public TlsConfig SentinelTls { get; set; } = new();
}
