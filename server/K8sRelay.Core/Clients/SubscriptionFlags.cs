namespace K8sRelay.Core.Clients;

/// <summary>What a subscription negotiated.</summary>
[Flags]
internal enum SubscriptionFlags
{
    None = 0,

    /// <summary>Stream positions are tracked (gaps cause insufficient state).</summary>
    Positioned = 1,

    /// <summary>The client may recover missed publications on resubscribe.</summary>
    Recoverable = 2,

    /// <summary>Join and leave events are pushed to this subscriber.</summary>
    PushJoinLeave = 4,

    /// <summary>Fossil delta compression was negotiated.</summary>
    Delta = 8,

    /// <summary>Made by the server (token, API, personal channel), not by a client subscribe command.</summary>
    ServerSide = 16,

    /// <summary>The subscription adds the client to the channel's presence set.</summary>
    Presence = 32,

    /// <summary>Join/leave events are published for this subscription.</summary>
    EmitJoinLeave = 64,
}
