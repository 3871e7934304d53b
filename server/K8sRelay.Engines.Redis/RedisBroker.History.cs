using System.Globalization;
using K8sRelay.Core.Engines;
using K8sRelay.Engines.Messages;
using K8sRelay.Protocol;
using StackExchange.Redis;
using StreamPosition = K8sRelay.Core.Engines.StreamPosition;

namespace K8sRelay.Engines.Redis;

/// <summary>Publishing and history of <see cref="RedisBroker"/>.</summary>
public sealed partial class RedisBroker
{
    /// <inheritdoc />
    /// <remarks>
    /// With history, one Lua script increments the offset, appends to the stream (trimmed to the history size, expiring
    /// <see cref="PublishOptions.HistoryTtl"/> after the last publication), refreshes the meta TTL, checks and records
    /// the idempotency key and publishes, all atomically. Without history a plain PUBLISH is sent (or a script when an
    /// idempotency key is given). On standalone and Sentinel shards every publish goes through the shard's ordered
    /// <see cref="PublishPipeline"/>, which coalesces runs of plain publishes into one Redis call.
    /// </remarks>
    public async ValueTask<PublishResult> PublishAsync(string channel, byte[] data, PublishOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var shard = await ConnectedShardAsync(channel).ConfigureAwait(false);
        var now = _connections.Time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            if (options.HasHistory)
            {
                return await PublishWithHistoryAsync(shard, channel, data, options, now).ConfigureAwait(false);
            }

            var message = BrokerMessage.EncodePublication(data, options, now);
            if (options.IdempotencyKey is { } key)
            {
                var suppressed = await RunAsync(
                    shard,
                    LuaScripts.PublishIdempotent,
                    [_keys.Result(channel, key)],
                    [message, _keys.ClientName(channel), Milliseconds(IdempotentTtl(options)), RedisKeys.PublishCommand(shard.ShardedPubSub)]).ConfigureAwait(false);
                return new PublishResult(NoPosition, (long)suppressed == 1);
            }

            await SendAsync(shard, channel, message).ConfigureAwait(false);
            return new PublishResult(NoPosition);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Creates the stream meta with a new epoch when missing and extends its TTL; a <see cref="HistoryFilter.Since"/>
    /// with an empty epoch matches any epoch.
    /// </remarks>
    public async ValueTask<HistoryResult> HistoryAsync(string channel, HistoryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var filter = options.Filter;
        var since = filter.Since;
        var metaTtl = options.MetaTtl > TimeSpan.Zero ? options.MetaTtl : _connections.Options.HistoryMetaTtl;
        var shard = await ConnectedShardAsync(channel).ConfigureAwait(false);
        RedisResult[] reply;
        try
        {
            reply = (RedisResult[])(await LuaScripts.History.EvaluateAsync(
                shard.Database,
                [_keys.Stream(channel), _keys.Meta(channel)],
                [
                    filter.Limit != 0 ? "1" : "0",
                    since is null ? "0" : "1",
                    since?.Offset ?? 0,
                    filter.Limit < 0 ? -1 : filter.Limit,
                    filter.Reverse ? "1" : "0",
                    Milliseconds(metaTtl),
                    StreamEpoch.NewEpoch(),
                    since?.Epoch ?? string.Empty,
                ]).ConfigureAwait(false))!;
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }

        var position = new StreamPosition((ulong)(long)reply[0], (string)reply[1]!);
        if (since is { } s && s.Epoch.Length > 0 && !string.Equals(s.Epoch, position.Epoch, StringComparison.Ordinal))
        {
            throw new ProtocolErrorException(ProtocolError.UnrecoverablePosition);
        }

        if (reply.Length < 3)
        {
            return new HistoryResult(position, []);
        }

        var entries = (RedisResult[])reply[2]!;
        var publications = new Publication[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = (RedisResult[])entries[i]!;
            var fields = (RedisResult[])entry[1]!;
            publications[i] = PublicationCodec.Decode((byte[])fields[1]!, ParseEntryOffset((string)entry[0]!));
        }

        return new HistoryResult(position, publications);
    }

    /// <inheritdoc />
    public async ValueTask RemoveHistoryAsync(string channel, CancellationToken cancellationToken)
    {
        var shard = await ConnectedShardAsync(channel).ConfigureAwait(false);
        try
        {
            await shard.Database.KeyDeleteAsync(_keys.Stream(channel)).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            throw RedisFailure.Wrap(e);
        }
    }

    private async Task<PublishResult> PublishWithHistoryAsync(RedisShard shard, string channel, byte[] data, PublishOptions options, long now)
    {
        var publication = PublicationCodec.Encode([], now, data, options.ClientInfo, options.Tags);
        var key = options.IdempotencyKey;
        var metaTtl = options.HistoryMetaTtl > TimeSpan.Zero ? options.HistoryMetaTtl : _connections.Options.HistoryMetaTtl;
        RedisKey[] keys = [_keys.Stream(channel), _keys.Meta(channel), _keys.Result(channel, key ?? string.Empty)];
        RedisValue[] values =
            [
                publication,
                options.HistorySize,
                Milliseconds(options.HistoryTtl),
                _keys.ClientName(channel),
                Milliseconds(metaTtl),
                StreamEpoch.NewEpoch(),
                key is null ? 0 : Milliseconds(IdempotentTtl(options)),
                options.UseDelta ? "1" : "0",
                RedisKeys.PublishCommand(shard.ShardedPubSub),
            ];
        var reply = (RedisResult[])(await (shard.Pipeline is { } pipeline
            ? pipeline.PublishWithHistoryAsync(keys, values)
            : LuaScripts.PublishHistory.EvaluateAsync(shard.Database, keys, values)).ConfigureAwait(false))!;
        return new PublishResult(new StreamPosition((ulong)(long)reply[0], (string)reply[1]!), (long)reply[2] == 1);
    }

    private TimeSpan IdempotentTtl(PublishOptions options) =>
        options.IdempotentResultTtl > TimeSpan.Zero ? options.IdempotentResultTtl : _connections.Options.IdempotentResultTtl;

    private static long Milliseconds(TimeSpan value) => Math.Max(1, (long)value.TotalMilliseconds);

    private static ulong ParseEntryOffset(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return ulong.Parse(dash >= 0 ? id.AsSpan(0, dash) : id, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
