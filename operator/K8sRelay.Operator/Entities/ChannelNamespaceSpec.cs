using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>A channel namespace: channels named "&lt;name&gt;:..." get these options.</summary>
public sealed class ChannelNamespaceSpec
{
    /// <summary>Namespace name (letters, digits, '-' and '_').</summary>
    [RegularExpression("^[-a-zA-Z0-9_.]{1,64}$")]
    public string Name { get; set; } = "";

    /// <summary>Keep presence information (presence).</summary>
    public bool Presence { get; set; }

    /// <summary>Send join and leave messages (join_leave).</summary>
    public bool JoinLeave { get; set; }

    /// <summary>Publications kept in the channel history (history_size). 0 disables history.</summary>
    [Range(0, 1000000)]
    public int HistorySize { get; set; }

    /// <summary>How long history is kept, as a Go duration such as 300s (history_ttl).</summary>
    public string? HistoryTtl { get; set; }

    /// <summary>Recover missed publications on reconnect (force_recovery).</summary>
    public bool ForceRecovery { get; set; }

    /// <summary>Let clients publish (allow_publish_for_client).</summary>
    public bool AllowPublishForClient { get; set; }

    /// <summary>Let subscribed clients publish (allow_publish_for_subscriber).</summary>
    public bool AllowPublishForSubscriber { get; set; }

    /// <summary>Let clients subscribe without a subscription token (allow_subscribe_for_client).</summary>
    public bool AllowSubscribeForClient { get; set; }
}
