using System.Diagnostics;
using System.Globalization;
using K8sRelay.Core.Engines;

namespace K8sRelay.Engines.Redis.Bench;

/// <summary>
/// Closed-loop throughput: one node keeps <c>concurrency</c> publications in flight over many channels (nobody
/// subscribed) and counts how many complete per second. The multiplexer pipelines whatever is in flight.
/// </summary>
internal static class ThroughputRun
{
    public static async Task<string> RunAsync(string host, int port, bool history, int concurrency, int channelCount, int payloadSize, TimeSpan warmup, TimeSpan duration)
    {
        await using var node = await BenchNode.StartAsync($"{host}:{port}", "bench" + Guid.NewGuid().ToString("N")[..6]);
        var options = history ? new PublishOptions { HistorySize = 100, HistoryTtl = TimeSpan.FromMinutes(1) } : new PublishOptions();
        var channels = Enumerable.Range(0, channelCount).Select(i => "bench:" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var payload = Enumerable.Repeat((byte)'x', payloadSize).ToArray();
        long completed = 0;
        long failed = 0;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var i = w;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await node.Broker.PublishAsync(channels[i % channels.Length], payload, options, CancellationToken.None);
                    Interlocked.Increment(ref completed);
                }
                catch (K8sRelay.Protocol.ProtocolErrorException)
                {
                    Interlocked.Increment(ref failed);
                }

                i += concurrency;
            }
        })).ToArray();

        await Task.Delay(warmup);
        var before = (Count: Interlocked.Read(ref completed), Cpu: Process.GetCurrentProcess().TotalProcessorTime, Redis: await RedisStats.ReadAsync(host, port), Time: Stopwatch.GetTimestamp());
        await Task.Delay(duration);
        var after = (Count: Interlocked.Read(ref completed), Cpu: Process.GetCurrentProcess().TotalProcessorTime, Redis: await RedisStats.ReadAsync(host, port), Time: Stopwatch.GetTimestamp());
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var seconds = Stopwatch.GetElapsedTime(before.Time, after.Time).TotalSeconds;
        var count = after.Count - before.Count;
        var perSecond = count / seconds;
        var nodeMicroseconds = (after.Cpu - before.Cpu).TotalMicroseconds / count;
        var redisMicroseconds = (after.Redis.CpuSeconds - before.Redis.CpuSeconds) * 1e6 / count;
        var commands = (double)(after.Redis.Commands - before.Redis.Commands) / count;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {(history ? "with history (Lua: XADD + PUBLISH)" : "no history (PUBLISH)")} | {concurrency} | {channelCount} | {payloadSize} B | **{perSecond:N0}** | {nodeMicroseconds:F2} | {redisMicroseconds:F2} | {commands:F2} | {Interlocked.Read(ref failed)} |");
    }
}
