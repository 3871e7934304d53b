namespace K8sRelay.Core.Clients;

/// <summary>The deadlines a connection keeps on the node's timer wheel.</summary>
internal static class TimerKind
{
    /// <summary>Connect must arrive within <c>client.stale_close_delay</c>.</summary>
    public const int Stale = 1;

    /// <summary>Time to send a ping.</summary>
    public const int Ping = 2;

    /// <summary>The pong for the last ping is due.</summary>
    public const int PongDeadline = 3;

    /// <summary>Check connection expiry.</summary>
    public const int Expiry = 4;

    /// <summary>Check subscription expiry.</summary>
    public const int SubscriptionExpiry = 5;

    /// <summary>Close a connection whose connect failed.</summary>
    public const int CloseAfterConnectError = 6;

    /// <summary>Refresh presence entries.</summary>
    public const int PresenceUpdate = 7;
}
