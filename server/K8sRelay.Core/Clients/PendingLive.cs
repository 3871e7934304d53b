namespace K8sRelay.Core.Clients;

/// <summary>A subscription waiting for its subscribe reply to be queued before live delivery starts.</summary>
internal readonly record struct PendingLive(ChannelSubscription Subscription, ulong Offset, string Epoch, bool DeltaBaseReady)
{
    /// <summary>Starts live delivery (call right after queuing the reply).</summary>
    public void Start() => Subscription.GoLive(Offset, Epoch, DeltaBaseReady);
}
