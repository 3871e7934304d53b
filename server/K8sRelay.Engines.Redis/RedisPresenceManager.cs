using K8sRelay.Core.Engines;
using K8sRelay.Engines.Messages;
using StackExchange.Redis;
using ClientInfo = K8sRelay.Core.Engines.ClientInfo;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// <see cref="IPresenceManager"/> on Redis, shared by all nodes. Each channel has a sorted set (client to expiry time),
/// a hash of client infos and a hash of user ids; an entry not refreshed within <see cref="RedisEngineOptions.PresenceTtl"/>
/// disappears, so clients of a node that died without cleaning up vanish on their own. Expired entries are removed by
/// the Lua script of every read. Expiry times come from the node's <see cref="TimeProvider"/>. Thread-safe; Redis
/// failures surface as the temporary internal error.
/// </summary>
public sealed class RedisPresenceManager : IPresenceManager
{
    private readonly RedisConnections _connections;
    private readonly RedisKeys _keys;

    /// <summary>Creates the presence manager on shared connections.</summary>
    public RedisPresenceManager(RedisConnections connections)
    {
        _connections = connections;
        _keys = connections.Keys;
    }

    /// <inheritdoc />
    public async ValueTask AddPresenceAsync(string channel, string clientId, ClientInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        var ttl = _connections.Options.PresenceTtl;
        var expireAt = _connections.Time.GetUtcNow().Add(ttl).ToUnixTimeMilliseconds();
        await RunAsync(channel, LuaScripts.PresenceAdd, [(long)ttl.TotalMilliseconds, expireAt, clientId, PublicationCodec.EncodeInfo(info), info.User]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemovePresenceAsync(string channel, string clientId, string userId, CancellationToken cancellationToken) =>
        await RunAsync(channel, LuaScripts.PresenceRemove, [clientId]).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, ClientInfo>> PresenceAsync(string channel, CancellationToken cancellationToken)
    {
        var reply = (RedisResult[])(await RunAsync(channel, LuaScripts.PresenceGet, [Now(), "all"]).ConfigureAwait(false))!;
        var presence = new Dictionary<string, ClientInfo>(reply.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < reply.Length; i += 2)
        {
            presence[(string)reply[i]!] = PublicationCodec.DecodeInfo((byte[])reply[i + 1]!);
        }

        return presence;
    }

    /// <inheritdoc />
    public async ValueTask<PresenceStats> PresenceStatsAsync(string channel, CancellationToken cancellationToken)
    {
        var reply = (RedisResult[])(await RunAsync(channel, LuaScripts.PresenceGet, [Now(), "stats"]).ConfigureAwait(false))!;
        return new PresenceStats((int)reply[0], (int)reply[1]);
    }

    private long Now() => _connections.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<RedisResult> RunAsync(string channel, RedisScript script, RedisValue[] values)
    {
        try
        {
            var shard = await _connections.ShardForAsync(channel).ConfigureAwait(false);
            return await script.EvaluateAsync(
                shard.Database,
                [_keys.PresenceExpiry(channel), _keys.PresenceData(channel), _keys.PresenceUsers(channel)],
                values).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }
    }
}
