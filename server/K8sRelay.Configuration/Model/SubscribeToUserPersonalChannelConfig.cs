namespace K8sRelay.Configuration.Model;

/// <summary>The <c>client.subscribe_to_user_personal_channel</c> section.</summary>
public sealed class SubscribeToUserPersonalChannelConfig
{
    /// <summary><c>enabled</c>: subscribe each authenticated user to <c>#&lt;user&gt;</c> (or <c>&lt;ns&gt;:#&lt;user&gt;</c>) server-side. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>personal_channel_namespace</c>: namespace of the personal channel; must exist. Default empty (no namespace).</summary>
    public string PersonalChannelNamespace { get; set; } = "";

    /// <summary><c>single_connection</c>: keep one connection per user, disconnecting older ones with 3504; needs presence in that channel. Default false.</summary>
    public bool SingleConnection { get; set; }
}
