using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

public sealed class DefaultsTests
{
    [Fact]
    public void NewConfig_HasCentrifugoServerDefaults()
    {
        var config = new RelayConfig();

        Assert.Equal(8000, config.HttpServer.Port);
        Assert.Equal("", config.HttpServer.Address);
        Assert.Equal("memory", config.Engine.Type);
        Assert.Equal("memory", config.Broker.Type);
        Assert.Equal("memory", config.PresenceManager.Type);
        Assert.Equal(["redis://127.0.0.1:6379"], config.Engine.Redis.Address);
        Assert.Equal("centrifugo", config.Engine.Redis.Prefix);
        Assert.Equal(TimeSpan.FromSeconds(60), config.Engine.Redis.PresenceTtl);
        Assert.Equal("info", config.Log.Level);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Shutdown.Timeout);
        Assert.Equal("/api", config.HttpApi.HandlerPrefix);
        Assert.Equal(10000, config.GrpcApi.Port);
        Assert.Equal(11000, config.UniGrpc.Port);
        Assert.Equal("", config.Admin.HandlerPrefix);
        Assert.Equal("/metrics", config.Prometheus.HandlerPrefix);
        Assert.Equal("/health", config.Health.HandlerPrefix);
        Assert.False(config.UsageStats.Disabled);
    }

    [Fact]
    public void NewConfig_HasCentrifugoTransportDefaults()
    {
        var config = new RelayConfig();

        Assert.False(config.Websocket.Disabled);
        Assert.Equal("/connection/websocket", config.Websocket.HandlerPrefix);
        Assert.Equal(65536, config.Websocket.MessageSizeLimit);
        Assert.False(config.Websocket.Compression);
        Assert.Equal(1, config.Websocket.CompressionLevel);
        Assert.Equal(TimeSpan.FromSeconds(1), config.Websocket.WriteTimeout);
        Assert.False(config.Sse.Enabled);
        Assert.Equal("/connection/sse", config.Sse.HandlerPrefix);
        Assert.Equal(65536, config.HttpStream.MaxRequestBodySize);
        Assert.Equal("/emulation", config.Emulation.HandlerPrefix);
        Assert.Equal(65536, config.Emulation.MaxRequestBodySize);
        Assert.Equal("/connection/uni_websocket", config.UniWebsocket.HandlerPrefix);
        Assert.Equal("/connection/uni_sse", config.UniSse.HandlerPrefix);
        Assert.Equal("/connection/uni_http_stream", config.UniHttpStream.HandlerPrefix);
        Assert.False(config.Init.Enabled);
    }

    [Fact]
    public void NewConfig_HasCentrifugoClientDefaults()
    {
        var client = new RelayConfig().Client;

        Assert.Equal(TimeSpan.FromSeconds(25), client.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(8), client.PongTimeout);
        Assert.Equal(128, client.ChannelLimit);
        Assert.Equal(1048576, client.QueueMaxSize);
        Assert.Equal(TimeSpan.FromSeconds(10), client.StaleCloseDelay);
        Assert.Equal(TimeSpan.FromSeconds(25), client.ExpiredCloseDelay);
        Assert.Equal(TimeSpan.FromSeconds(25), client.ExpiredSubCloseDelay);
        Assert.Equal(TimeSpan.FromSeconds(27), client.PresenceUpdateInterval);
        Assert.Equal(300, client.HistoryMaxPublicationLimit);
        Assert.Equal(300, client.RecoveryMaxPublicationLimit);
        Assert.Equal(TimeSpan.FromSeconds(40), client.ChannelPositionCheckDelay);
        Assert.Empty(client.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(1), client.Proxy.Connect.Timeout);
        Assert.False(client.Proxy.Connect.Enabled);
    }

    [Fact]
    public void NewConfig_HasCentrifugoChannelDefaults()
    {
        var config = new RelayConfig();

        Assert.Equal(255, config.Channel.MaxLength);
        Assert.Equal(TimeSpan.FromHours(720), config.Channel.HistoryMetaTtl);
        Assert.Equal("$", config.Channel.PrivatePrefix);
        Assert.Equal(":", config.Channel.NamespaceBoundary);
        Assert.Equal("#", config.Channel.UserBoundary);
        Assert.Equal(",", config.Channel.UserSeparator);
        Assert.Empty(config.Channel.Namespaces);
        Assert.Equal(0, config.Channel.WithoutNamespace.HistorySize);
        Assert.Equal("default", config.Channel.WithoutNamespace.SubscribeProxyName);
        Assert.Equal(TimeSpan.FromSeconds(1), config.Channel.Proxy.Subscribe.Timeout);
        Assert.Equal(":", config.Rpc.NamespaceBoundary);
        Assert.Equal("ping", config.Rpc.Ping.Method);
        Assert.Equal("default", config.Rpc.WithoutNamespace.ProxyName);
    }

    [Fact]
    public void NewConfig_IsValid()
    {
        Assert.Empty(RelayConfigValidator.Validate(new RelayConfig()));
    }

    [Theory]
    [InlineData("client.token.hmac_secret_key")]
    [InlineData("channel.without_namespace.history_size")]
    [InlineData("http_server.port")]
    [InlineData("uni_grpc.port")]
    [InlineData("opentelemetry.enabled")]
    [InlineData("client.subscribe_to_user_personal_channel.single_connection")]
    [InlineData("client.connect_code_to_unidirectional_disconnect.enabled")]
    [InlineData("engine.redis.presence_hash_field_ttl")]
    [InlineData("http_server.tls.cert_pem_b64")]
    [InlineData("http_server.http3.enabled")]
    [InlineData("channel.proxy.sub_refresh.http.static_headers")]
    [InlineData("usage_stats.disabled")]
    public void RenderedDefaults_ContainCentrifugoKeyPaths(string keyPath)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(RelayConfigWriter.ToJson(new RelayConfig()))!;
        var node = json;
        foreach (var segment in keyPath.Split('.'))
        {
            node = node[segment];
            Assert.NotNull(node);
        }
    }
}
