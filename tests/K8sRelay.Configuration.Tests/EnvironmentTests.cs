using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

public sealed class EnvironmentTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    public void Bool_AcceptsParseBoolForms(string text, bool expected)
    {
        var start = expected ? "false" : "true";
        var config = Load(new() { ["CENTRIFUGO_CLIENT_INSECURE"] = start }).Client.Insecure;
        Assert.Equal(!expected, config);

        Assert.Equal(expected, Load(new() { ["CENTRIFUGO_CLIENT_INSECURE"] = text }).Client.Insecure);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("on")]
    public void Bool_OtherWords_AreErrorsNamingTheVariable(string text)
    {
        var ex = Assert.Throws<ConfigException>(() => Load(new() { ["CENTRIFUGO_CLIENT_INSECURE"] = text }));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("invalid value for \"client.insecure\" (from CENTRIFUGO_CLIENT_INSECURE)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StringList_IsSpaceSeparated()
    {
        var config = Load(new() { ["CENTRIFUGO_CLIENT_ALLOWED_ORIGINS"] = "https://a.example  https://b.example" });

        Assert.Equal(["https://a.example", "https://b.example"], config.Client.AllowedOrigins);
    }

    [Fact]
    public void StringList_AcceptsJsonArray()
    {
        var config = Load(new() { ["CENTRIFUGO_ENGINE_REDIS_ADDRESS"] = """["redis://x:1", "redis://y:2"]""" });

        Assert.Equal(["redis://x:1", "redis://y:2"], config.Engine.Redis.Address);
    }

    [Fact]
    public void Map_IsJsonObject()
    {
        var config = Load(new() { ["CENTRIFUGO_CHANNEL_PROXY_SUBSCRIBE_HTTP_STATIC_HEADERS"] = """{"X-A":"1","X-B":"2"}""" });

        Assert.Equal("2", config.Channel.Proxy.Subscribe.Http.StaticHeaders["X-B"]);
    }

    [Fact]
    public void Namespaces_AsJsonArray_AreParsedWithDefaultsForMissingKeys()
    {
        var config = Load(new()
        {
            ["CENTRIFUGO_CHANNEL_NAMESPACES"] = """[{"name":"chat","history_size":5,"history_ttl":"60s","force_recovery":true},{"name":"feed"}]""",
        });

        Assert.Equal(["chat", "feed"], config.Channel.Namespaces.Select(n => n.Name));
        Assert.Equal(TimeSpan.FromMinutes(1), config.Channel.Namespaces[0].HistoryTtl);
        Assert.True(config.Channel.Namespaces[0].ForceRecovery);
        Assert.Equal("default", config.Channel.Namespaces[1].PublishProxyName);
    }

    [Fact]
    public void Namespaces_AsNames_AreConfiguredByPerNamespaceVariables()
    {
        var config = Load(new()
        {
            ["CENTRIFUGO_CHANNEL_NAMESPACES"] = "chat feed-v2",
            ["CENTRIFUGO_CHANNEL_NAMESPACES_CHAT_PRESENCE"] = "true",
            ["CENTRIFUGO_CHANNEL_NAMESPACES_FEED_V2_ALLOW_SUBSCRIBE_FOR_CLIENT"] = "1",
        });

        Assert.Equal(["chat", "feed-v2"], config.Channel.Namespaces.Select(n => n.Name));
        Assert.True(config.Channel.Namespaces[0].Presence);
        Assert.True(config.Channel.Namespaces[1].AllowSubscribeForClient);
    }

    [Fact]
    public void Namespaces_BadJson_IsAnError()
    {
        var ex = Assert.Throws<ConfigException>(() => Load(new() { ["CENTRIFUGO_CHANNEL_NAMESPACES"] = "[{\"name\":" }));

        Assert.Contains(ex.Errors, e => e.StartsWith("invalid value for \"channel.namespaces\" (from CENTRIFUGO_CHANNEL_NAMESPACES)", StringComparison.Ordinal));
    }

    [Fact]
    public void Proxies_AsJsonArray_AreParsed()
    {
        var config = Load(new()
        {
            ["CENTRIFUGO_PROXIES"] = """[{"name":"auth","endpoint":"http://auth","timeout":"2s"}]""",
            ["CENTRIFUGO_PROXIES_AUTH_HTTP_HEADERS"] = "Cookie Authorization",
        });

        var proxy = Assert.Single(config.Proxies);
        Assert.Equal(TimeSpan.FromSeconds(2), proxy.Timeout);
        Assert.Equal(["Cookie", "Authorization"], proxy.HttpHeaders);
    }

    [Fact]
    public void EmptyVariable_CountsAsUnset()
    {
        var config = Load(new()
        {
            ["CENTRIFUGO_HTTP_SERVER_PORT"] = "",
            ["CENTRIFUGO_LOG_LEVEL"] = "",
            ["CENTRIFUGO_CLIENT_ALLOWED_ORIGINS"] = "",
        });

        Assert.Equal(8000, config.HttpServer.Port);
        Assert.Equal("info", config.Log.Level);
    }

    [Fact]
    public void AliasPrefix_SetsTheSameKeys()
    {
        var config = Load(new()
        {
            ["K8SRELAY_HTTP_SERVER_PORT"] = "8100",
            ["K8SRELAY_CLIENT_TOKEN_HMAC_SECRET_KEY"] = "alias-secret",
        });

        Assert.Equal(8100, config.HttpServer.Port);
        Assert.Equal("alias-secret", config.Client.Token.HmacSecretKey);
    }

    [Fact]
    public void AliasPrefix_WinsOverCentrifugoPrefix_WithAWarning()
    {
        var result = RelayConfigLoader.Load(null, new Dictionary<string, string?>
        {
            ["CENTRIFUGO_HTTP_SERVER_PORT"] = "8001",
            ["K8SRELAY_HTTP_SERVER_PORT"] = "8002",
        }, []);

        Assert.Equal(8002, result.Config.HttpServer.Port);
        Assert.Contains(result.Warnings, w => w.Contains("K8SRELAY_HTTP_SERVER_PORT wins", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyAlias_FallsBackToCentrifugoPrefix()
    {
        var config = Load(new() { ["K8SRELAY_HTTP_SERVER_PORT"] = "", ["CENTRIFUGO_HTTP_SERVER_PORT"] = "8001" });

        Assert.Equal(8001, config.HttpServer.Port);
    }

    [Fact]
    public void UnknownVariables_AreWarnings_ButKubernetesServiceVariablesAreNot()
    {
        var result = RelayConfigLoader.Load(null, new Dictionary<string, string?>
        {
            ["CENTRIFUGO_CLIENT_CHANEL_LIMIT"] = "5",
            ["K8SRELAY_NOPE"] = "1",
            ["CENTRIFUGO_PORT"] = "tcp://10.0.0.1:8000",
            ["CENTRIFUGO_PORT_8000_TCP_ADDR"] = "10.0.0.1",
            ["K8SRELAY_SERVICE_HOST"] = "10.0.0.2",
            ["CENTRIFUGO_VAR_SECRET"] = "x",
            ["HOME"] = "/root",
        }, []);

        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.Contains("CENTRIFUGO_CLIENT_CHANEL_LIMIT", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("K8SRELAY_NOPE", StringComparison.Ordinal));
    }

    [Fact]
    public void PerNamespaceVariable_ForUndefinedNamespace_IsUnknown()
    {
        var result = RelayConfigLoader.Load(null, new Dictionary<string, string?> { ["CENTRIFUGO_CHANNEL_NAMESPACES_GHOST_PRESENCE"] = "true" }, []);

        Assert.Contains(result.Warnings, w => w.Contains("CENTRIFUGO_CHANNEL_NAMESPACES_GHOST_PRESENCE", StringComparison.Ordinal));
    }

    [Fact]
    public void Durations_IntegersAndSections_AreParsed()
    {
        var config = Load(new()
        {
            ["CENTRIFUGO_CLIENT_PING_INTERVAL"] = "-1",
            ["CENTRIFUGO_SHUTDOWN_TIMEOUT"] = "1m30s",
            ["CENTRIFUGO_ENGINE_REDIS_PRESENCE_TTL"] = "2m",
            ["CENTRIFUGO_CLIENT_TOKEN_HMAC_PREVIOUS_SECRET_KEY_VALID_UNTIL"] = "1735689600",
        });

        Assert.True(config.Client.PingInterval < TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(90), config.Shutdown.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(2), config.Engine.Redis.PresenceTtl);
        Assert.Equal(1735689600L, config.Client.Token.HmacPreviousSecretKeyValidUntil);
    }

    [Fact]
    public void UniGrpcTls_KeysLoadFromVariables()
    {
        var config = Load(new()
        {
            ["CENTRIFUGO_UNI_GRPC_ENABLED"] = "true",
            ["CENTRIFUGO_UNI_GRPC_MAX_RECEIVE_MESSAGE_SIZE"] = "1024",
            ["CENTRIFUGO_UNI_GRPC_TLS_ENABLED"] = "true",
            ["CENTRIFUGO_UNI_GRPC_TLS_CERT_PEM_FILE"] = "/tls/tls.crt",
            ["CENTRIFUGO_UNI_GRPC_TLS_KEY_PEM_FILE"] = "/tls/tls.key",
        });

        Assert.True(config.UniGrpc.Enabled);
        Assert.Equal(1024, config.UniGrpc.MaxReceiveMessageSize);
        Assert.True(config.UniGrpc.Tls.Enabled);
        Assert.Equal("/tls/tls.crt", config.UniGrpc.Tls.CertPemFile);
        Assert.Equal("/tls/tls.key", config.UniGrpc.Tls.KeyPemFile);
    }

    private static RelayConfig Load(Dictionary<string, string?> environment) =>
        RelayConfigLoader.Load(null, environment, []).Config;
}
