using System.Threading.Channels;
using StackExchange.Redis;

namespace K8sRelay.Engines.Redis;

/// <summary>
/// One shard's ordered publish path. Callers enqueue plain publishes and publish scripts; a single loop issues them to
/// Redis in enqueue order without waiting for replies, coalescing each run of consecutive plain publishes into one
/// <c>publish_batch.lua</c> call. That keeps one channel's publications in order whichever kind they are, and turns
/// thousands of small PUBLISH commands into a few large calls, which is what lets one node push several hundred
/// thousand publications per second. Used on standalone and Sentinel shards; on Redis Cluster one call cannot span
/// slots, so commands go out one by one there. Thread-safe.
/// </summary>
internal sealed class PublishPipeline
{
    private const int MaxBatch = 512;
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDatabaseAsync _database;
    private readonly List<Item> _batch = new(MaxBatch);

    public PublishPipeline(IDatabaseAsync database)
    {
        _database = database;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Publishes <paramref name="message"/> on <paramref name="channel"/> after everything enqueued before.</summary>
    public Task PublishAsync(string channel, byte[] message)
    {
        var item = new Item(null, null, [channel, message]);
        return Enqueue(item);
    }

    /// <summary>Runs <paramref name="script"/> after everything enqueued before and returns its reply.</summary>
    public Task<RedisResult> EvaluateAsync(RedisScript script, RedisKey[] keys, RedisValue[] values) => Enqueue(new Item(script, keys, values));

    /// <summary>Stops the loop once the queue is drained; later calls fail.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private Task<RedisResult> Enqueue(Item item)
    {
        if (!_queue.Writer.TryWrite(item))
        {
            return Task.FromException<RedisResult>(new ObjectDisposedException(nameof(PublishPipeline)));
        }

        return item.Completion.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Script is null)
                {
                    _batch.Add(item);
                    if (_batch.Count == MaxBatch)
                    {
                        FlushBatch();
                    }
                }
                else
                {
                    FlushBatch();
                    Complete([item], item.Script.EvaluateAsync(_database, item.Keys!, item.Values));
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
        _batch.Clear();
        if (items.Length == 1)
        {
            var single = items[0];
            Complete(items, PublishOneAsync((string)single.Values[0]!, single.Values[1]));
            return;
        }

        var values = new RedisValue[1 + (items.Length * 2)];
        values[0] = RedisKeys.PublishCommand(sharded: false);
        for (var i = 0; i < items.Length; i++)
        {
            values[1 + (i * 2)] = items[i].Values[0];
            values[2 + (i * 2)] = items[i].Values[1];
        }

        Complete(items, LuaScripts.PublishBatch.EvaluateAsync(_database, [], values));
    }

    private async Task<RedisResult> PublishOneAsync(string channel, RedisValue message) =>
        RedisResult.Create(await _database.PublishAsync(RedisChannel.Literal(channel), message).ConfigureAwait(false));

    private static void Complete(Item[] items, Task<RedisResult> reply)
    {
        if (reply.IsCompleted)
        {
            SetResult(items, reply);
            return;
        }

        reply.ContinueWith(static (task, state) => SetResult((Item[])state!, task), items, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void SetResult(Item[] items, Task<RedisResult> reply)
    {
        foreach (var item in items)
        {
            if (reply.IsCompletedSuccessfully)
            {
                item.Completion.TrySetResult(reply.Result);
            }
            else
            {
                item.Completion.TrySetException(reply.Exception?.InnerExceptions ?? [new TaskCanceledException()]);
            }
        }
    }

    /// <summary>A queued command: a plain publish (no script; values = channel, message) or a script call.</summary>
    private sealed class Item(RedisScript? script, RedisKey[]? keys, RedisValue[] values)
    {
        public RedisScript? Script { get; } = script;

        public RedisKey[]? Keys { get; } = keys;

        public RedisValue[] Values { get; } = values;

        public TaskCompletionSource<RedisResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
