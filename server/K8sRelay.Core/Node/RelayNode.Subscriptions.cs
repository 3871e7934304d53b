using K8sRelay.Core.Hub;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    /// <summary>
    /// Adds a local subscriber and makes the broker deliver the channel to this node when it is the
    /// first one. Returns false when the client already has this channel.
    /// </summary>
    internal async ValueTask<bool> AddSubscriberAsync(string channel, ISubscriber subscriber, CancellationToken cancellationToken)
    {
        var gate = _channelLocks.For(channel);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var first = Hub.AddSubscriber(channel, subscriber, out var added);
            if (!added)
            {
                return false;
            }

            if (first)
            {
                try
                {
                    await Broker.SubscribeAsync(channel, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    Hub.RemoveSubscriber(channel, subscriber.ClientId);
                    throw;
                }
            }

            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Removes a local subscriber; the broker stops delivering the channel when none is left.</summary>
    internal async ValueTask RemoveSubscriberAsync(string channel, string clientId)
    {
        var gate = _channelLocks.For(channel);
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Hub.RemoveSubscriber(channel, clientId))
            {
                await Broker.UnsubscribeAsync(channel, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Log.BrokerUnsubscribeFailed(_logger, channel, ex);
        }
        finally
        {
            gate.Release();
        }
    }
}
