using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// Every Redis key and PUB/SUB channel name the engine uses, in one place. Keys of one channel carry the channel in
/// a hash tag (<c>{channel}</c>) so that Redis Cluster puts them in one slot, which the Lua scripts need.
/// Thread-safe (immutable).
/// </summary>
/// <remarks>
/// Layout with the default prefix: <c>centrifugo.stream.{ch}</c> (stream of publications),
/// <c>centrifugo.meta.{ch}</c> (hash: <c>e</c> epoch, <c>s</c> top offset), <c>centrifugo.result.{ch}.KEY</c>
/// (idempotent publish result), <c>centrifugo.presence.expire.{ch}</c> / <c>.data.{ch}</c> / <c>.users.{ch}</c>
/// (presence), PUB/SUB <c>centrifugo.client.{ch}</c> (one per channel), <c>centrifugo.control</c> (all nodes) and
/// <c>centrifugo.node.ID</c> (one node). On Redis Cluster the PUB/SUB channels are sharded (SPUBLISH/SSUBSCRIBE,
/// Redis 7+): a classic PUBLISH may enter the cluster at any node and reach the subscriber's node over the cluster
/// bus, which breaks per-channel ordering and races with SUBSCRIBE.
/// </remarks>
internal sealed class RedisKeys
{
    private readonly string _prefix;

    public RedisKeys(string prefix) => _prefix = prefix;

    /// <summary>Key prefix as configured.</summary>
    public string Prefix => _prefix;

    /// <summary>PUB/SUB channel every node listens to for control messages.</summary>
    public RedisChannel Control(bool sharded) => Channel(_prefix + ".control", sharded);

    public RedisKey Stream(string channel) => $"{_prefix}.stream.{{{channel}}}";

    public RedisKey Meta(string channel) => $"{_prefix}.meta.{{{channel}}}";

    public RedisKey Result(string channel, string idempotencyKey) => $"{_prefix}.result.{{{channel}}}.{idempotencyKey}";

    public RedisKey PresenceExpiry(string channel) => $"{_prefix}.presence.expire.{{{channel}}}";

    public RedisKey PresenceData(string channel) => $"{_prefix}.presence.data.{{{channel}}}";

    public RedisKey PresenceUsers(string channel) => $"{_prefix}.presence.users.{{{channel}}}";

    /// <summary>
    /// PUB/SUB channel carrying <paramref name="channel"/>'s publications and join/leave events. Hash-tagged like the
    /// channel's keys, so with sharded PUB/SUB (Cluster) it lives on the node that runs the channel's scripts.
    /// </summary>
    public RedisChannel Client(string channel, bool sharded) => Channel(ClientName(channel), sharded);

    /// <summary>Name of <see cref="Client"/> as text (for Lua scripts that publish).</summary>
    public string ClientName(string channel) => $"{_prefix}.client.{{{channel}}}";

    /// <summary>PUB/SUB channel of one node's control messages.</summary>
    public RedisChannel Node(string nodeId, bool sharded) => Channel($"{_prefix}.node.{nodeId}", sharded);

    /// <summary>The Redis command that publishes to channels of this kind (for Lua scripts).</summary>
    public static string PublishCommand(bool sharded) => sharded ? "spublish" : "publish";

    private static RedisChannel Channel(string name, bool sharded) => sharded ? RedisChannel.Sharded(name) : RedisChannel.Literal(name);
}
