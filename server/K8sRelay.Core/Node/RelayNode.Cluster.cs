using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    /// <summary>
    /// Joins the cluster when the engine's control bus spans nodes (Redis, NATS): starts heartbeats and the
    /// command relay (<see cref="Cluster"/>). Does nothing on the memory engine. Idempotent.
    /// </summary>
    public void StartCluster()
    {
        if (ControlBus.SpansNodes)
        {
            Cluster.Start();
        }
    }

    /// <inheritdoc />
    public ValueTask HandleDeliveryLostAsync(IReadOnlyCollection<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        Log.DeliveryLost(_logger, channels.Count);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// For every positioned subscription of the channels the stream top is read again: when it moved past
    /// what the client holds (publications made while delivery was down) or its epoch changed, the
    /// subscription gets insufficient state and the client recovers from history. When the top cannot be
    /// read, every positioned subscription of the channel is treated so.
    /// </remarks>
    public async ValueTask HandleDeliveryRestoredAsync(IReadOnlyCollection<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var resubscribed = 0;
        foreach (var channel in channels)
        {
            var positioned = PositionedSubscriptions(channel);
            if (positioned.Count == 0)
            {
                continue;
            }

            StreamPosition? top = null;
            try
            {
                top = await StreamTopAsync(channel, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DeliveryCheckFailed(_logger, channel, ex);
            }

            foreach (var subscription in positioned)
            {
                if (subscription.IsBehind(top) && subscription.Client.OnInsufficientStateIfCurrent(subscription))
                {
                    resubscribed++;
                }
            }
        }

        Log.DeliveryRestored(_logger, channels.Count, resubscribed);
    }

    private static partial class Log
    {
        [LoggerMessage(EventIds.DeliveryLost, LogLevel.Warning, "Broker delivery lost for {Count} channels; waiting for it to come back")]
        public static partial void DeliveryLost(ILogger logger, int count);

        [LoggerMessage(EventIds.DeliveryRestored, LogLevel.Information, "Broker delivery restored for {Count} channels; {Resubscribed} subscriptions missed publications and recover")]
        public static partial void DeliveryRestored(ILogger logger, int count, int resubscribed);

        [LoggerMessage(EventIds.DeliveryCheckFailed, LogLevel.Warning, "Stream position of channel {Channel} unreadable after delivery came back; its subscribers recover")]
        public static partial void DeliveryCheckFailed(ILogger logger, string channel, Exception exception);
    }
}
