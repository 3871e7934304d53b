namespace K8sRelay.Core.Hub;

/// <summary>A connection's subscription to one channel, as the hub sees it when broadcasting.</summary>
internal interface ISubscriber
{
    /// <summary>Id of the connection that holds this subscription.</summary>
    string ClientId { get; }

    /// <summary>Delivers a publication (called concurrently for different channels, in order per channel).</summary>
    void DeliverPublication(PreparedPublication publication);

    /// <summary>Delivers a join or leave event when this subscription wants them.</summary>
    void DeliverJoinLeave(PreparedJoinLeave joinLeave);
}
