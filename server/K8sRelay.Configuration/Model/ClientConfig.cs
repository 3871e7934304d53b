namespace K8sRelay.Configuration.Model;

/// <summary>The <c>client</c> section: everything about real-time client connections.</summary>
public sealed class ClientConfig
{
    /// <summary><c>client.proxy</c>: connect and refresh proxies to the application backend.</summary>
    public ClientProxyConfig Proxy { get; set; } = new();

    /// <summary>
    /// <c>client.allowed_origins</c>: origin patterns allowed to connect (<c>*</c> matches
    /// subdomains, <c>"*"</c> allows all). Default empty: a WebSocket upgrade carrying an
    /// <c>Origin</c> header is refused. As an environment variable: space-separated.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary><c>client.token</c>: how connection tokens (and subscription tokens, unless <see cref="SubscriptionToken"/> is enabled) are verified.</summary>
    public TokenConfig Token { get; set; } = new();

    /// <summary><c>client.subscription_token</c>: separate verification for subscription tokens.</summary>
    public SubscriptionTokenConfig SubscriptionToken { get; set; } = new();

    /// <summary><c>client.allow_anonymous_connect_without_token</c>: accept connections without a token as anonymous users. Default false.</summary>
    public bool AllowAnonymousConnectWithoutToken { get; set; }

    /// <summary><c>client.disallow_anonymous_connection_tokens</c>: refuse connection tokens with an empty <c>sub</c> (disconnect 3507). Default false.</summary>
    public bool DisallowAnonymousConnectionTokens { get; set; }

    /// <summary>
    /// <c>client.ping_interval</c>: how often the server pings a client. A negative value
    /// (<c>-1</c>) disables pings. Must be greater than <see cref="PongTimeout"/> when both are
    /// enabled. Default 25s.
    /// </summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// <c>client.pong_timeout</c>: how long to wait for a pong after a ping before disconnecting
    /// with 3012. A negative value (<c>-1</c>) disables the check. Default 8s.
    /// </summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary><c>client.expired_close_delay</c>: grace period after the connection expires before disconnect 3005. Default 25s.</summary>
    public TimeSpan ExpiredCloseDelay { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary><c>client.expired_sub_close_delay</c>: grace period after a subscription expires before it is closed. Default 25s.</summary>
    public TimeSpan ExpiredSubCloseDelay { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary><c>client.stale_close_delay</c>: time a client has to send <c>connect</c> before disconnect 3502. Default 10s.</summary>
    public TimeSpan StaleCloseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>client.channel_limit</c>: maximum subscriptions per connection (error 106 beyond it), &gt;= 0. Default 128.</summary>
    public int ChannelLimit { get; set; } = 128;

    /// <summary><c>client.queue_max_size</c>: maximum bytes queued for one client before disconnect 3008 (slow), &gt;= 0. Default 1048576.</summary>
    public int QueueMaxSize { get; set; } = 1048576;

    /// <summary><c>client.presence_update_interval</c>: how often a connection refreshes its presence entries. Default 27s.</summary>
    public TimeSpan PresenceUpdateInterval { get; set; } = TimeSpan.FromSeconds(27);

    /// <summary><c>client.concurrency</c>: commands of one client processed concurrently; 0 or 1 = sequential. Default 0.</summary>
    public int Concurrency { get; set; }

    /// <summary><c>client.channel_position_check_delay</c>: how often positioned subscriptions are checked for lost publications. Default 40s.</summary>
    public TimeSpan ChannelPositionCheckDelay { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary><c>client.channel_position_max_time_lag</c>: tolerated delay of a publication before a position check reports loss; 0 = none. Default 0.</summary>
    public TimeSpan ChannelPositionMaxTimeLag { get; set; }

    /// <summary><c>client.connection_limit</c>: maximum connections per node (HTTP 503 beyond it); 0 = unlimited. Default 0.</summary>
    public int ConnectionLimit { get; set; }

    /// <summary><c>client.user_connection_limit</c>: maximum connections of one user per node (disconnect 3504 beyond it); 0 = unlimited. Default 0.</summary>
    public int UserConnectionLimit { get; set; }

    /// <summary><c>client.connection_rate_limit</c>: new connections per second per node (HTTP 503 beyond it); 0 = unlimited. Default 0.</summary>
    public int ConnectionRateLimit { get; set; }

    /// <summary><c>client.connect_include_server_time</c>: put the server time (<c>time</c>, Unix ms) in the connect reply. Default false.</summary>
    public bool ConnectIncludeServerTime { get; set; }

    /// <summary><c>client.history_max_publication_limit</c>: maximum publications one client history call returns. Default 300.</summary>
    public int HistoryMaxPublicationLimit { get; set; } = 300;

    /// <summary><c>client.recovery_max_publication_limit</c>: maximum publications one recovery returns. Default 300.</summary>
    public int RecoveryMaxPublicationLimit { get; set; } = 300;

    /// <summary><c>client.insecure_skip_token_signature_verify</c>: accept tokens without checking their signature (development only). Default false.</summary>
    public bool InsecureSkipTokenSignatureVerify { get; set; }

    /// <summary><c>client.user_id_http_header</c>: take the user ID from this request header set by a trusted proxy. Default empty.</summary>
    public string UserIdHttpHeader { get; set; } = "";

    /// <summary><c>client.insecure</c>: no authentication and no permission checks (development only). Default false.</summary>
    public bool Insecure { get; set; }

    /// <summary><c>client.subscribe_to_user_personal_channel</c>: subscribe every user to a personal channel automatically.</summary>
    public SubscribeToUserPersonalChannelConfig SubscribeToUserPersonalChannel { get; set; } = new();

    /// <summary><c>client.connect_code_to_unidirectional_disconnect</c>: map connect error codes to disconnect codes for unidirectional transports.</summary>
    public ConnectCodeToUnidirectionalDisconnectConfig ConnectCodeToUnidirectionalDisconnect { get; set; } = new();
}
