using System.Threading.Channels;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// One shard's ordered publish path. Callers enqueue plain publishes, history publishes and other publish scripts; a
/// single loop issues them to Redis in enqueue order without waiting for replies, coalescing each run of consecutive
/// items of one batchable kind into a single script call (<c>publish_batch.lua</c> for plain publishes,
/// <c>publish_history.lua</c> with N publications for history). That keeps one channel's publications in order
/// whatever their kind and replaces thousands of small commands by a few large calls. Used on standalone and Sentinel
/// shards; on Redis Cluster one call cannot span slots, so commands go out one by one there. Thread-safe.
/// </summary>
/// <remarks>
/// A batch fails or succeeds as a whole: if Redis is unreachable every caller in it gets the same error. After a
/// script cache flush (Redis restart, failover) the first call of each script is re-sent with EVAL, which may let a
/// later batch run before it; the broker reports such windows through its connectivity notifications anyway.
/// </remarks>
internal sealed class PublishPipeline
{
    // A script blocks Redis for every client while it runs, so batches stay around a millisecond of Redis time:
    // a plain publish costs about 1 µs inside Redis, a history publish about 10-15 µs.
    private static readonly BatchKind Plain = new(LuaScripts.PublishBatch, 0, 2, 0, MaxItems: 512);
    private static readonly BatchKind History = new(LuaScripts.PublishHistory, 3, 9, 3, MaxItems: 64);
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDatabaseAsync _database;
    private readonly List<Item> _batch = new(512);

    public PublishPipeline(IDatabaseAsync database)
    {
        _database = database;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Publishes <paramref name="message"/> on <paramref name="channel"/> after everything enqueued before.</summary>
    public Task PublishAsync(string channel, byte[] message) => Enqueue(new Item(Plain, null, [], [channel, message]));

    /// <summary>Adds one publication to history and publishes it (3 keys, 9 values of <c>publish_history.lua</c>); replies {offset, epoch, suppressed}.</summary>
    public Task<RedisResult> PublishWithHistoryAsync(RedisKey[] keys, RedisValue[] values) => Enqueue(new Item(History, null, keys, values));

    /// <summary>Runs <paramref name="script"/> on its own after everything enqueued before and returns its reply.</summary>
    public Task<RedisResult> EvaluateAsync(RedisScript script, RedisKey[] keys, RedisValue[] values) => Enqueue(new Item(null, script, keys, values));

    /// <summary>Stops the loop once the queue is drained; later calls fail.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private Task<RedisResult> Enqueue(Item item) =>
        _queue.Writer.TryWrite(item) ? item.Completion.Task : Task.FromException<RedisResult>(new ObjectDisposedException(nameof(PublishPipeline)));

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (_batch.Count > 0 && (_batch[0].Kind != item.Kind || _batch.Count == _batch[0].Kind!.MaxItems))
                {
                    FlushBatch();
                }

                if (item.Kind is null)
                {
                    Complete([item], item.Script!.EvaluateAsync(_database, item.Keys, item.Values), null);
                }
                else
                {
                    _batch.Add(item);
                }
            }

            FlushBatch();
        }
    }

    private void FlushBatch()
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var items = _batch.ToArray();
        var kind = items[0].Kind!;
        _batch.Clear();
        if (kind == Plain && items.Length == 1)
        {
            Complete(items, PublishOneAsync((string)items[0].Values[0]!, items[0].Values[1]), null);
            return;
        }

        var keys = new RedisKey[items.Length * kind.KeysPerItem];
        var values = new RedisValue[items.Length * kind.ValuesPerItem];
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Keys.CopyTo(keys, i * kind.KeysPerItem);
            items[i].Values.CopyTo(values, i * kind.ValuesPerItem);
        }

        Complete(items, kind.Script.EvaluateAsync(_database, keys, values), kind);
    }

    private async Task<RedisResult> PublishOneAsync(string channel, RedisValue message) =>
        RedisResult.Create(await _database.PublishAsync(RedisChannel.Literal(channel), message).ConfigureAwait(false));

    private static void Complete(Item[] items, Task<RedisResult> reply, BatchKind? kind)
    {
        if (reply.IsCompleted)
        {
            SetResults(items, reply, kind);
            return;
        }

        reply.ContinueWith(
            static (task, state) =>
            {
                var (items, kind) = ((Item[], BatchKind?))state!;
                SetResults(items, task, kind);
            },
            (items, kind),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void SetResults(Item[] items, Task<RedisResult> reply, BatchKind? kind)
    {
        if (!reply.IsCompletedSuccessfully)
        {
            var errors = reply.Exception?.InnerExceptions ?? [new TaskCanceledException()];
            foreach (var item in items)
            {
                item.Completion.TrySetException(errors);
            }

            return;
        }

        if (kind is null || kind.ResultsPerItem == 0)
        {
            foreach (var item in items)
            {
                item.Completion.TrySetResult(reply.Result);
            }

            return;
        }

        // One flat reply: ResultsPerItem values for each item, in order.
        var flat = (RedisResult[])reply.Result!;
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Completion.TrySetResult(RedisResult.Create(flat.AsSpan(i * kind.ResultsPerItem, kind.ResultsPerItem).ToArray()));
        }
    }

    /// <summary>A kind of item that can share one script call: the script, how many keys, values and replies each item has, and the most items per call.</summary>
    private sealed record BatchKind(RedisScript Script, int KeysPerItem, int ValuesPerItem, int ResultsPerItem, int MaxItems);

    /// <summary>A queued command: a batchable item (<see cref="Kind"/> set) or a script run on its own.</summary>
    private sealed class Item(BatchKind? kind, RedisScript? script, RedisKey[] keys, RedisValue[] values)
    {
        public BatchKind? Kind { get; } = kind;

        public RedisScript? Script { get; } = script;

        public RedisKey[] Keys { get; } = keys;

        public RedisValue[] Values { get; } = values;

        public TaskCompletionSource<RedisResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
