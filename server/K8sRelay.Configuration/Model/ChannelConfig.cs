namespace K8sRelay.Configuration.Model;

/// <summary>The <c>channel</c> section: channel name rules, channel options and namespaces.</summary>
public sealed class ChannelConfig
{
    /// <summary><c>channel.proxy</c>: the channel proxies namespaces reach under the name <c>default</c>.</summary>
    public ChannelProxyConfig Proxy { get; set; } = new();

    /// <summary><c>channel.without_namespace</c>: options of channels whose name has no namespace part.</summary>
    public ChannelOptionsConfig WithoutNamespace { get; set; } = new();

    /// <summary>
    /// <c>channel.namespaces</c>: channel namespaces; channel <c>ns:rest</c> uses namespace
    /// <c>ns</c>. Default empty. As an environment variable: a JSON array, or space-separated
    /// names whose options then come from <c>CENTRIFUGO_CHANNEL_NAMESPACES_&lt;NAME&gt;_&lt;OPTION&gt;</c>.
    /// </summary>
    public List<ChannelNamespaceConfig> Namespaces { get; set; } = [];

    /// <summary><c>channel.history_meta_ttl</c>: how long stream meta (top offset and epoch) is kept; namespaces may override it. Whole seconds. Default 720h.</summary>
    public TimeSpan HistoryMetaTtl { get; set; } = TimeSpan.FromHours(720);

    /// <summary><c>channel.max_length</c>: maximum channel name length (error 107 beyond it), &gt; 0. Default 255.</summary>
    public int MaxLength { get; set; } = 255;

    /// <summary><c>channel.private_prefix</c>: prefix of channels that need a subscription token. Default <c>$</c>.</summary>
    public string PrivatePrefix { get; set; } = "$";

    /// <summary><c>channel.namespace_boundary</c>: separator between namespace and the rest of a channel name. Default <c>:</c>.</summary>
    public string NamespaceBoundary { get; set; } = ":";

    /// <summary><c>channel.user_boundary</c>: marks the user list of a user-limited channel. Default <c>#</c>.</summary>
    public string UserBoundary { get; set; } = "#";

    /// <summary><c>channel.user_separator</c>: separates user IDs of a user-limited channel. Default <c>,</c>.</summary>
    public string UserSeparator { get; set; } = ",";

    /// <summary>
    /// <c>channel.publication_data_format</c>: global publication data check: empty (empty data
    /// refused, no validation), <c>json</c>, <c>json_object</c> or <c>binary</c> (empty data
    /// allowed). Default empty.
    /// </summary>
    public string PublicationDataFormat { get; set; } = "";
}
