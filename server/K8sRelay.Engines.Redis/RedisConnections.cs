using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// The engine's Redis connections: one multiplexer per shard, shared by the broker, the presence manager and the
/// control bus of a node. Connects once, on first use or at host start. Watches every shard: a connection failure
/// marks the shard's delivery lost; one shared timer marks it restored once the connection is back and every
/// subscription is active again. Listeners hear about both, one notification at a time, in order. Thread-safe.
/// </summary>
public sealed partial class RedisConnections : IAsyncDisposable
{
    private readonly RedisEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _connectLock = new();
    private readonly List<Func<int, bool, ValueTask>> _listeners = [];
    private readonly Channel<(RedisShard Shard, bool Restored)> _notifications = Channel.CreateUnbounded<(RedisShard, bool)>(new() { SingleReader = true });
    private Task<RedisShard[]>? _connect;
    private RedisShard[]? _shards;
    private ITimer? _checkTimer;
    private Task? _notifier;
    private int _disposed;

    /// <summary>Creates the connection set; nothing connects until <see cref="ConnectAsync"/> or first use.</summary>
    public RedisConnections(IOptions<RedisEngineOptions> options, TimeProvider timeProvider, ILogger<RedisConnections> logger)
    {
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        Keys = new RedisKeys(_options.Prefix);
    }

    /// <summary>The options in use.</summary>
    public RedisEngineOptions Options => _options;

    /// <summary>The clock used for presence expiry.</summary>
    internal TimeProvider Time => _time;

    internal RedisKeys Keys { get; }

    /// <summary>Shards once connected; null before.</summary>
    internal IReadOnlyList<RedisShard>? Shards => _shards;

    /// <summary>
    /// Connects every shard (once; later calls return the same task). A shard whose Redis is down does not fail
    /// this call: it keeps reconnecting in the background and its operations fail with a temporary error meanwhile.
    /// </summary>
    public Task ConnectAsync() => ConnectOnceAsync();

    /// <summary>Registers a listener for shard delivery changes: (shard index, restored?).</summary>
    internal void AddConnectivityListener(Func<int, bool, ValueTask> listener)
    {
        lock (_listeners)
        {
            _listeners.Add(listener);
        }
    }

    /// <summary>The shard that owns <paramref name="channel"/>.</summary>
    internal ValueTask<RedisShard> ShardForAsync(string channel)
    {
        var shards = _shards;
        if (shards is not null)
        {
            return ValueTask.FromResult(shards[ShardSelector.Select(channel, shards.Length)]);
        }

        return SlowAsync(this, channel);

        static async ValueTask<RedisShard> SlowAsync(RedisConnections self, string channel)
        {
            var all = await self.ConnectOnceAsync().ConfigureAwait(false);
            return all[ShardSelector.Select(channel, all.Length)];
        }
    }

    /// <summary>The shard that carries control messages (the first one).</summary>
    internal async ValueTask<RedisShard> ControlShardAsync() => (_shards ?? await ConnectOnceAsync().ConfigureAwait(false))[0];

    /// <inheritdoc />
    /// <remarks>Idempotent.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _checkTimer?.Dispose();
        _notifications.Writer.TryComplete();
        var shards = _shards;
        if (shards is not null)
        {
            foreach (var shard in shards)
            {
                shard.Pipeline?.Complete();
                await shard.Connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_notifier is not null)
        {
            await _notifier.ConfigureAwait(false);
        }
    }

    private Task<RedisShard[]> ConnectOnceAsync()
    {
        lock (_connectLock)
        {
            // A failed first connection (for example every Sentinel unreachable) is retried by the next caller.
            if (_connect is { IsFaulted: true } or { IsCanceled: true })
            {
                _connect = null;
            }

            return _connect ??= ConnectAllAsync();
        }
    }

    private async Task<RedisShard[]> ConnectAllAsync()
    {
        var addresses = _options.Address.Select(a => RedisAddressParser.Parse(a, _options)).ToArray();
        var attempts = addresses.Select(ConnectShardAsync).ToArray();
        IConnectionMultiplexer[] connections;
        try
        {
            connections = await Task.WhenAll(attempts).ConfigureAwait(false);
        }
        catch
        {
            foreach (var attempt in attempts.Where(a => a.IsCompletedSuccessfully))
            {
                await (await attempt.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var shards = new RedisShard[addresses.Length];
        for (var i = 0; i < shards.Length; i++)
        {
            shards[i] = new RedisShard(i, addresses[i], connections[i]);
        }

        _shards = shards;
        for (var i = 0; i < shards.Length; i++)
        {
            var index = i;
            connections[i].ConnectionFailed += (_, e) => OnConnectionFailed(index, e);
            if (!connections[i].IsConnected)
            {
                OnConnectionFailed(index, null);
            }
        }

        _notifier = Task.Run(NotifyListenersAsync);
        _checkTimer = _time.CreateTimer(static state => ((RedisConnections)state!).CheckRestored(), this, _options.ReconnectCheckInterval, _options.ReconnectCheckInterval);
        return shards;
    }

    private async Task<IConnectionMultiplexer> ConnectShardAsync(RedisAddress address)
    {
        var configuration = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            BacklogPolicy = BacklogPolicy.FailFast,
            ConnectTimeout = (int)_options.ConnectTimeout.TotalMilliseconds,
            AsyncTimeout = (int)_options.IoTimeout.TotalMilliseconds,
            SyncTimeout = (int)_options.IoTimeout.TotalMilliseconds,
            ReconnectRetryPolicy = new LinearRetry((int)_options.ReconnectCheckInterval.TotalMilliseconds),
            ClientName = _options.ClientName,
            User = address.User,
            Password = address.Password,
            Ssl = address.Tls,
        };
        if (address.Topology != RedisTopology.Cluster)
        {
            configuration.DefaultDatabase = address.Db;
        }

        foreach (var (host, port) in address.EndPoints)
        {
            configuration.EndPoints.Add(host, port);
        }

        if (address.Topology == RedisTopology.Sentinel)
        {
            configuration.ServiceName = address.SentinelMasterName;
            configuration.SentinelUser = _options.SentinelUser;
            configuration.SentinelPassword = _options.SentinelPassword;
        }

        var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        Log.Connected(_logger, address.Topology, string.Join(',', address.EndPoints.Select(e => $"{e.Host}:{e.Port}")), connection.IsConnected);
        return connection;
    }

    private void OnConnectionFailed(int shardIndex, ConnectionFailedEventArgs? e)
    {
        var shards = _shards;
        var shard = shards is null ? null : shards[shardIndex];
        Log.ConnectionFailed(_logger, shardIndex, e?.FailureType.ToString() ?? "not connected", e?.Exception);
        if (shard is not null && shard.TryMarkLost())
        {
            _notifications.Writer.TryWrite((shard, false));
        }
    }

    private void CheckRestored()
    {
        var shards = _shards;
        if (shards is null)
        {
            return;
        }

        foreach (var shard in shards)
        {
            try
            {
                if (shard.IsLost && shard.TryMarkRestored())
                {
                    Log.DeliveryRestored(_logger, shard.Index);
                    _notifications.Writer.TryWrite((shard, true));
                }
            }
            catch (Exception e) when (RedisFailure.IsTransient(e))
            {
                // Disposed or still reconnecting: the next tick looks again. A timer callback must never throw.
                Log.RestoreCheckFailed(_logger, shard.Index, e);
            }
        }
    }

    private async Task NotifyListenersAsync()
    {
        await foreach (var (shard, restored) in _notifications.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Func<int, bool, ValueTask>[] listeners;
            lock (_listeners)
            {
                listeners = [.. _listeners];
            }

            foreach (var listener in listeners)
            {
                try
                {
                    await listener(shard.Index, restored).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    Log.ListenerFailed(_logger, e);
                }
            }
        }
    }
}
