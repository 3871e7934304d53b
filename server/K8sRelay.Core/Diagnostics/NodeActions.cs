namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// The <c>action</c> values of <c>centrifugo_node_action_count</c>, named as Centrifugo names them. A history
/// read made for recovery or for the stream position counts as its own action and as <see cref="History"/>, as
/// in Centrifugo.
/// </summary>
public static class NodeActions
{
    /// <summary>A connection completed connect.</summary>
    public const string AddClient = "add_client";

    /// <summary>A connected connection closed.</summary>
    public const string RemoveClient = "remove_client";

    /// <summary>A subscription was registered on the node.</summary>
    public const string AddSubscription = "add_subscription";

    /// <summary>A subscription was removed from the node.</summary>
    public const string RemoveSubscription = "remove_subscription";

    /// <summary>Presence of a subscriber was added or refreshed.</summary>
    public const string AddPresence = "add_presence";

    /// <summary>Presence of a subscriber was removed.</summary>
    public const string RemovePresence = "remove_presence";

    /// <summary>Presence of a channel was read.</summary>
    public const string Presence = "presence";

    /// <summary>Presence counts of a channel were read.</summary>
    public const string PresenceStats = "presence_stats";

    /// <summary>History of a channel was read (also for recovery and positioning).</summary>
    public const string History = "history";

    /// <summary>History was read to recover missed publications (stream mode).</summary>
    public const string HistoryRecover = "history_recover";

    /// <summary>The latest publication was read to recover (cache mode).</summary>
    public const string HistoryRecoverCache = "history_recover_cache";

    /// <summary>The stream top (offset and epoch) was read.</summary>
    public const string HistoryStreamTop = "history_stream_top";

    /// <summary>History of a channel was removed.</summary>
    public const string HistoryRemove = "history_remove";
}
