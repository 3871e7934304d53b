namespace K8sRelay.Configuration.Model;

/// <summary>
/// Channel options: the keys of <c>channel.without_namespace</c> and of each item of
/// <c>channel.namespaces</c>. Every option is off or empty by default, so a channel allows
/// nothing to clients until permissions are granted.
/// </summary>
public class ChannelOptionsConfig
{
    /// <summary><c>presence</c>: keep a presence set of the clients subscribed to each channel. Default false.</summary>
    public bool Presence { get; set; }

    /// <summary><c>join_leave</c>: emit join/leave events (delivered when the client asks and may see presence, or with <c>force_push_join_leave</c>). Default false.</summary>
    public bool JoinLeave { get; set; }

    /// <summary><c>force_push_join_leave</c>: deliver join/leave events to every subscriber. Default false.</summary>
    public bool ForcePushJoinLeave { get; set; }

    /// <summary><c>history_size</c>: maximum publications kept per channel; history needs both this and <c>history_ttl</c> &gt; 0. Default 0.</summary>
    public int HistorySize { get; set; }

    /// <summary><c>history_ttl</c>: how long publications stay in history; whole seconds, not above the effective <c>history_meta_ttl</c>. Default 0.</summary>
    public TimeSpan HistoryTtl { get; set; }

    /// <summary><c>history_meta_ttl</c>: how long stream meta is kept for these channels; 0 = use <c>channel.history_meta_ttl</c>; whole seconds. Default 0.</summary>
    public TimeSpan HistoryMetaTtl { get; set; }

    /// <summary><c>force_positioning</c>: make every subscription positioned (loss detection); needs history. Default false.</summary>
    public bool ForcePositioning { get; set; }

    /// <summary><c>allow_positioning</c>: let clients ask for positioning; needs history. Default false.</summary>
    public bool AllowPositioning { get; set; }

    /// <summary><c>force_recovery</c>: make every subscription recoverable; needs history. Default false.</summary>
    public bool ForceRecovery { get; set; }

    /// <summary><c>allow_recovery</c>: let clients ask for recovery; needs history. Default false.</summary>
    public bool AllowRecovery { get; set; }

    /// <summary><c>force_recovery_mode</c>: recovery mode: <c>stream</c> or <c>cache</c> (latest publication only); empty means <c>stream</c>. Default empty.</summary>
    public string ForceRecoveryMode { get; set; } = "";

    /// <summary><c>auto_cache_recovery</c>: recover the latest publication on every subscribe, server-side ones included; needs <c>force_recovery</c> and <c>force_recovery_mode: cache</c>. Default false.</summary>
    public bool AutoCacheRecovery { get; set; }

    /// <summary><c>allowed_delta_types</c>: delta types subscribers may ask for; only <c>fossil</c> exists. Default empty.</summary>
    public List<string> AllowedDeltaTypes { get; set; } = [];

    /// <summary><c>allow_tags_filter</c>: let clients pass a publication tags filter (<c>tf</c>) on subscribe. Default false.</summary>
    public bool AllowTagsFilter { get; set; }

    /// <summary><c>delta_publish</c>: publish every message as a delta candidate without a per-call flag. Default false.</summary>
    public bool DeltaPublish { get; set; }

    /// <summary><c>allow_subscribe_for_anonymous</c>: let anonymous clients subscribe (together with <c>allow_subscribe_for_client</c>). Default false.</summary>
    public bool AllowSubscribeForAnonymous { get; set; }

    /// <summary><c>allow_subscribe_for_client</c>: let authenticated clients subscribe without a subscription token. Default false.</summary>
    public bool AllowSubscribeForClient { get; set; }

    /// <summary><c>allow_publish_for_anonymous</c>: let anonymous clients publish (together with <c>allow_publish_for_client</c>). Default false.</summary>
    public bool AllowPublishForAnonymous { get; set; }

    /// <summary><c>allow_publish_for_subscriber</c>: let subscribers publish into channels they are subscribed to. Default false.</summary>
    public bool AllowPublishForSubscriber { get; set; }

    /// <summary><c>allow_publish_for_client</c>: let authenticated clients publish without being subscribed. Default false.</summary>
    public bool AllowPublishForClient { get; set; }

    /// <summary><c>allow_presence_for_anonymous</c>: let anonymous clients call presence. Default false.</summary>
    public bool AllowPresenceForAnonymous { get; set; }

    /// <summary><c>allow_presence_for_subscriber</c>: let subscribers call presence. Default false.</summary>
    public bool AllowPresenceForSubscriber { get; set; }

    /// <summary><c>allow_presence_for_client</c>: let authenticated clients call presence without being subscribed. Default false.</summary>
    public bool AllowPresenceForClient { get; set; }

    /// <summary><c>allow_history_for_anonymous</c>: let anonymous clients call history. Default false.</summary>
    public bool AllowHistoryForAnonymous { get; set; }

    /// <summary><c>allow_history_for_subscriber</c>: let subscribers call history. Default false.</summary>
    public bool AllowHistoryForSubscriber { get; set; }

    /// <summary><c>allow_history_for_client</c>: let authenticated clients call history without being subscribed. Default false.</summary>
    public bool AllowHistoryForClient { get; set; }

    /// <summary><c>allow_user_limited_channels</c>: allow user-limited channels (<c>news#42,43</c>): listed users subscribe without a token. Default false.</summary>
    public bool AllowUserLimitedChannels { get; set; }

    /// <summary><c>channel_regex</c>: regular expression the channel name after the namespace must match (client-side subscriptions only, error 107 otherwise). Default empty.</summary>
    public string ChannelRegex { get; set; } = "";

    /// <summary><c>publication_data_format</c>: publication data check: empty, <c>json</c>, <c>json_object</c> or <c>binary</c>. Default empty.</summary>
    public string PublicationDataFormat { get; set; } = "";

    /// <summary><c>subscribe_proxy_enabled</c>: ask the subscribe proxy whether a client may subscribe. Default false.</summary>
    public bool SubscribeProxyEnabled { get; set; }

    /// <summary><c>subscribe_proxy_name</c>: proxy used for subscribe: <c>default</c> (<c>channel.proxy.subscribe</c>) or a name from <c>proxies</c>. Default <c>default</c>.</summary>
    public string SubscribeProxyName { get; set; } = "default";

    /// <summary><c>publish_proxy_enabled</c>: send client publications through the publish proxy. Default false.</summary>
    public bool PublishProxyEnabled { get; set; }

    /// <summary><c>publish_proxy_name</c>: proxy used for publish: <c>default</c> (<c>channel.proxy.publish</c>) or a name from <c>proxies</c>. Default <c>default</c>.</summary>
    public string PublishProxyName { get; set; } = "default";

    /// <summary><c>sub_refresh_proxy_enabled</c>: prolong expiring subscriptions through the sub refresh proxy. Default false.</summary>
    public bool SubRefreshProxyEnabled { get; set; }

    /// <summary><c>sub_refresh_proxy_name</c>: proxy used for sub refresh: <c>default</c> (<c>channel.proxy.sub_refresh</c>) or a name from <c>proxies</c>. Default <c>default</c>.</summary>
    public string SubRefreshProxyName { get; set; } = "default";

    /// <summary><c>subscribe_stream_proxy_enabled</c>: stream publications from the backend over a GRPC stream proxy; excludes the other channel proxies. Default false.</summary>
    public bool SubscribeStreamProxyEnabled { get; set; }

    /// <summary><c>subscribe_stream_proxy_name</c>: proxy used for subscribe streams: <c>default</c> (<c>channel.proxy.subscribe_stream</c>) or a name from <c>proxies</c>. Default <c>default</c>.</summary>
    public string SubscribeStreamProxyName { get; set; } = "default";

    /// <summary><c>subscribe_stream_proxy_bidirectional</c>: use a bidirectional subscribe stream (clients can send into it). Default false.</summary>
    public bool SubscribeStreamProxyBidirectional { get; set; }
}
