using K8sRelay.Core.Clients;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    /// <summary>How long a subscription that looked behind gets to catch up (publications in flight) before it counts as behind.</summary>
    private static readonly TimeSpan PositionRecheckDelay = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _positionChecksStopping = new();
    private Task _positionChecks = Task.CompletedTask;
    private int _positionChecksStarted;
    private int _positionChecksStopped;

    /// <summary>
    /// Starts the periodic stream position check (<c>client.channel_position_check_delay</c>, Centrifugo's 40 s;
    /// 0 turns it off): every period the node reads the stream top of each channel with positioned subscriptions,
    /// once per channel, and a subscription still behind it a second later missed publications (a delivery that
    /// never arrived): it gets unsubscribe 2500, or disconnect 3010 when server-side, and recovers. Idempotent.
    /// </summary>
    public void StartPositionChecks()
    {
        var delay = Config.Client.ChannelPositionCheckDelay;
        if (delay <= TimeSpan.Zero || Interlocked.Exchange(ref _positionChecksStarted, 1) == 1)
        {
            return;
        }

        _positionChecks = Task.Run(() => RunPositionChecksAsync(delay, _positionChecksStopping.Token));
    }

    /// <summary>
    /// One position check over every local channel with positioned subscriptions. Returns how many subscriptions
    /// were found behind and told to recover.
    /// </summary>
    internal async Task<int> CheckPositionsAsync(CancellationToken cancellationToken)
    {
        var suspects = new List<(ChannelSubscription Subscription, StreamPosition Top)>();
        foreach (var (channel, _) in Hub.Channels())
        {
            var positioned = PositionedSubscriptions(channel);
            if (positioned.Count == 0)
            {
                continue;
            }

            StreamPosition top;
            try
            {
                Metrics.Action(NodeActions.HistoryStreamTop);
                top = await StreamTopAsync(channel, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An engine outage is handled when delivery comes back; the next period checks again.
                Log.PositionCheckFailed(_logger, channel, ex);
                continue;
            }

            suspects.AddRange(positioned.Where(s => s.IsBehind(top)).Select(s => (s, top)));
        }

        if (suspects.Count == 0)
        {
            return 0;
        }

        await Task.Delay(PositionRecheckDelay, Time, cancellationToken).ConfigureAwait(false);
        var behind = 0;
        foreach (var (subscription, top) in suspects)
        {
            if (subscription.IsBehind(top) && subscription.Client.OnInsufficientStateIfCurrent(subscription))
            {
                behind++;
            }
        }

        if (behind > 0)
        {
            Log.PositionsBehind(_logger, behind);
        }

        return behind;
    }

    /// <summary>The local subscriptions of a channel that track their stream position.</summary>
    private List<ChannelSubscription> PositionedSubscriptions(string channel) =>
        [.. Hub.Subscribers(channel).OfType<ChannelSubscription>().Where(s => s.IsPositioned)];

    /// <summary>The channel's current stream position (a history read of no publications).</summary>
    private async Task<StreamPosition> StreamTopAsync(string channel, CancellationToken cancellationToken) =>
        (await Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(null, 0, false)), cancellationToken).ConfigureAwait(false)).Position;

    private async Task StopPositionChecksAsync()
    {
        if (Interlocked.Exchange(ref _positionChecksStopped, 1) == 1)
        {
            return;
        }

        await _positionChecksStopping.CancelAsync().ConfigureAwait(false);
        await _positionChecks.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _positionChecksStopping.Dispose();
    }

    private async Task RunPositionChecksAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(delay, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await CheckPositionsAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PositionCheckCrashed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.PositionCheckFailed, LogLevel.Debug, "Position check of channel {Channel} skipped: its stream top could not be read")]
        public static partial void PositionCheckFailed(ILogger logger, string channel, Exception exception);

        [LoggerMessage(EventIds.PositionsBehind, LogLevel.Warning, "Position check: {Count} subscriptions missed publications and recover")]
        public static partial void PositionsBehind(ILogger logger, int count);

        [LoggerMessage(EventIds.PositionCheckCrashed, LogLevel.Error, "Position check failed")]
        public static partial void PositionCheckCrashed(ILogger logger, Exception exception);
    }
}
