using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using K8sRelay.Core.Engines;

namespace K8sRelay.Engines.Redis.Bench;

/// <summary>
/// Open-loop latency between two nodes: node A publishes at a fixed rate into channels node B subscribed, stamping each
/// payload with its scheduled send time (so a stalled publisher cannot hide queueing); node B records
/// scheduled-to-delivered latency. Both nodes run in this process with their own Redis connections.
/// </summary>
internal static class LatencyRun
{
    public static async Task<string> RunAsync(string host, int port, int rate, int channelCount, int payloadSize, TimeSpan warmup, TimeSpan duration)
    {
        var prefix = "lat" + Guid.NewGuid().ToString("N")[..6];
        await using var publisher = await BenchNode.StartAsync($"{host}:{port}", prefix);
        await using var subscriber = await BenchNode.StartAsync($"{host}:{port}", prefix);
        var recorder = new Recorder(Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency));
        subscriber.Handle(recorder);
        var channels = Enumerable.Range(0, channelCount).Select(i => "lat:" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var channel in channels)
        {
            await subscriber.Broker.SubscribeAsync(channel, CancellationToken.None);
        }

        var options = new PublishOptions();
        var start = Stopwatch.GetTimestamp();
        recorder.MeasureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = recorder.MeasureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var ticksPerPublication = (double)Stopwatch.Frequency / rate;
        long sent = 0;
        long measuredSent = 0;
        long failed = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                break;
            }

            var due = (long)((now - start) / ticksPerPublication);
            for (; sent < due; sent++)
            {
                var scheduled = start + (long)(sent * ticksPerPublication);
                var payload = new byte[payloadSize];
                BinaryPrimitives.WriteInt64LittleEndian(payload, scheduled);
                if (scheduled >= recorder.MeasureFrom)
                {
                    measuredSent++;
                }

                var publish = publisher.Broker.PublishAsync(channels[sent % channels.Length], payload, options, CancellationToken.None);
                if (!publish.IsCompletedSuccessfully)
                {
                    _ = publish.AsTask().ContinueWith(t => Interlocked.Increment(ref failed), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
            }

            await Task.Delay(1);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var histogram = recorder.Histogram;
        var delivered = histogram.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {rate:N0} | {channelCount} | {delivered / duration.TotalSeconds:N0} | {histogram.Percentile(0.5):F2} | **{histogram.Percentile(0.99):F2}** | {histogram.Percentile(0.999):F2} | {measuredSent - delivered} | {Interlocked.Read(ref failed)} | {cpu.TotalSeconds / (warmup + duration).TotalSeconds:F2} |");
    }

    private sealed class Recorder(long measureFrom) : IBrokerEventHandler
    {
        public long MeasureFrom { get; set; } = measureFrom;

        public LatencyHistogram Histogram { get; } = new();

        public ValueTask HandlePublicationAsync(string channel, Publication publication, StreamPosition position, bool useDelta, Publication? previous)
        {
            var scheduled = BinaryPrimitives.ReadInt64LittleEndian(publication.Data);
            if (scheduled >= MeasureFrom)
            {
                Histogram.Record(Stopwatch.GetElapsedTime(scheduled));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask HandleJoinAsync(string channel, ClientInfo info) => ValueTask.CompletedTask;

        public ValueTask HandleLeaveAsync(string channel, ClientInfo info) => ValueTask.CompletedTask;
    }
}
