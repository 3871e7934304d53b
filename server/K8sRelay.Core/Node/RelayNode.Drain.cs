using K8sRelay.Core.Diagnostics;
using K8sRelay.Protocol;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    /// <summary>Longest sleep of the drain loop, so a tightened schedule takes effect promptly.</summary>
    private static readonly TimeSpan DrainTick = TimeSpan.FromMilliseconds(100);

    /// <summary>Shortest sleep of the drain loop: many clients due close together go out in one step.</summary>
    private static readonly TimeSpan MinDrainSleep = TimeSpan.FromMilliseconds(5);

    private readonly Lock _drainLock = new();
    private Task? _drain;
    private long _drainGraceEnds;
    private long _drainEnds;
    private volatile bool _draining;

    /// <summary>
    /// True from the moment a drain starts: the node reports not ready so no new traffic is routed to it.
    /// It still accepts connections during the drain's grace; <see cref="IsShuttingDown"/> turns true after it.
    /// </summary>
    public bool IsDraining => _draining;

    /// <summary>
    /// Starts a paced drain: the node turns not ready at once, refuses new connections after
    /// <see cref="DrainSchedule.Grace"/> (or as soon as no client is left), then disconnects its clients with
    /// 3001 (they reconnect to other nodes and recover) evenly over <see cref="DrainSchedule.Period"/>.
    /// A call while a drain runs only brings its remaining steps forward when <paramref name="schedule"/>
    /// ends sooner (shutdown during an API drain); it never slows it down. Returns the task of the drain,
    /// which completes when every client's disconnect has finished.
    /// </summary>
    public Task DrainAsync(DrainSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        lock (_drainLock)
        {
            var now = Time.GetTimestamp();
            var graceEnds = now + Ticks(schedule.Grace);
            var drainEnds = graceEnds + Ticks(schedule.Period);
            if (_drain is not null)
            {
                Interlocked.Exchange(ref _drainGraceEnds, Math.Min(_drainGraceEnds, graceEnds));
                Interlocked.Exchange(ref _drainEnds, Math.Min(_drainEnds, drainEnds));
                return _drain;
            }

            Interlocked.Exchange(ref _drainGraceEnds, graceEnds);
            Interlocked.Exchange(ref _drainEnds, drainEnds);
            _draining = true;
            Log.DrainStarted(_logger, Hub.ClientCount, schedule.Grace, schedule.Period);
            _drain = Task.Run(RunDrainAsync);
            return _drain;
        }
    }

    private async Task RunDrainAsync()
    {
        var started = Time.GetTimestamp();

        // Grace: not ready, still accepting, until it ends or nobody is left to move.
        while (Hub.ClientCount > 0)
        {
            var wait = Remaining(Interlocked.Read(ref _drainGraceEnds));
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(wait < DrainTick ? wait : DrainTick, Time).ConfigureAwait(false);
        }

        IsShuttingDown = true;
        var clients = Hub.Clients.ToList();
        var periodStart = Time.GetTimestamp();
        var disconnects = new List<Task>(clients.Count + 1);
        var done = 0;
        while (done < clients.Count)
        {
            var period = Math.Max(0, Interlocked.Read(ref _drainEnds) - periodStart);
            var elapsed = Time.GetTimestamp() - periodStart;
            var due = period == 0 ? clients.Count : (int)Math.Min(clients.Count, Math.Floor((double)elapsed * clients.Count / period) + 1);
            for (; done < due; done++)
            {
                disconnects.Add(clients[done].DisconnectAsync(DisconnectReason.Shutdown));
            }

            if (done < clients.Count)
            {
                var next = periodStart + (long)((double)period * done / clients.Count);
                var wait = Remaining(next);
                if (wait > DrainTick)
                {
                    wait = DrainTick;
                }
                else if (wait < MinDrainSleep)
                {
                    wait = MinDrainSleep;
                }

                await Task.Delay(wait, Time).ConfigureAwait(false);
            }
        }

        // Connections that completed connect after the list was taken.
        disconnects.AddRange(Hub.Clients.Select(c => c.DisconnectAsync(DisconnectReason.Shutdown)));
        await Task.WhenAll(disconnects).ConfigureAwait(false);
        Log.DrainFinished(_logger, disconnects.Count, Time.GetElapsedTime(started));
    }

    private TimeSpan Remaining(long until) => TimeSpan.FromSeconds((double)(until - Time.GetTimestamp()) / Time.TimestampFrequency);

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Time.TimestampFrequency);

    private static partial class Log
    {
        [LoggerMessage(EventIds.DrainStarted, LogLevel.Information, "Draining {Count} clients: not ready now, refusing new connections after {Grace}, disconnects spread over {Period}")]
        public static partial void DrainStarted(ILogger logger, int count, TimeSpan grace, TimeSpan period);

        [LoggerMessage(EventIds.DrainFinished, LogLevel.Information, "Drain finished: {Count} clients disconnected in {Elapsed}")]
        public static partial void DrainFinished(ILogger logger, int count, TimeSpan elapsed);
    }
}
