using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

public sealed class FileLoadingTests : IDisposable
{
    private const string SampleJson = """
        {
          // comments are tolerated in JSON files
          "http_server": { "port": 9000, "address": "127.0.0.1" },
          "log": { "level": "debug" },
          "engine": { "type": "redis", "redis": { "address": ["redis://a:6379", "redis://b:6379"], "presence_ttl": "90s" } },
          "client": {
            "token": { "hmac_secret_key": "secret" },
            "allowed_origins": ["https://example.com"],
            "ping_interval": "20s",
            "pong_timeout": "5s",
            "channel_limit": 64,
            "insecure": true
          },
          "channel": {
            "without_namespace": { "presence": true },
            "namespaces": [
              { "name": "chat", "history_size": 10, "history_ttl": "300s", "force_recovery": true, "allowed_delta_types": ["fossil"] },
              { "name": "news", "allow_subscribe_for_client": true, "channel_regex": "^[a-z]+$" }
            ]
          },
          "proxies": [ { "name": "backend", "endpoint": "http://backend/proxy", "timeout": "3s", "http": { "static_headers": { "X-Env": "test" } } } ],
          "shutdown": { "timeout": "1m30s" },
        }
        """;

    private const string SampleYaml = """
        http_server:
          port: 9000
          address: 127.0.0.1
        log:
          level: debug
        engine:
          type: redis
          redis:
            address:
              - redis://a:6379
              - redis://b:6379
            presence_ttl: 90s
        client:
          token:
            hmac_secret_key: secret
          allowed_origins: ["https://example.com"]
          ping_interval: 20s
          pong_timeout: 5s
          channel_limit: 64
          insecure: true
        channel:
          without_namespace:
            presence: true
          namespaces:
            - name: chat
              history_size: 10
              history_ttl: 300s
              force_recovery: true
              allowed_delta_types: [fossil]
            - name: news
              allow_subscribe_for_client: true
              channel_regex: "^[a-z]+$"
        proxies:
          - name: backend
            endpoint: http://backend/proxy
            timeout: 3s
            http:
              static_headers:
                X-Env: test
        shutdown:
          timeout: 1m30s
        """;

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Load_JsonAndYamlWithSameContent_GiveEqualConfigs()
    {
        var fromJson = RelayConfigLoader.LoadFile(files.Write("config.json", SampleJson)).Config;
        var fromYaml = RelayConfigLoader.LoadFile(files.Write("config.yaml", SampleYaml)).Config;

        Assert.Equal(RelayConfigWriter.ToJson(fromJson), RelayConfigWriter.ToJson(fromYaml));
        AssertSample(fromJson);
        AssertSample(fromYaml);
    }

    [Fact]
    public void Load_YmlExtension_ReadsYaml()
    {
        var config = RelayConfigLoader.LoadFile(files.Write("config.yml", SampleYaml)).Config;

        Assert.Equal(9000, config.HttpServer.Port);
    }

    [Fact]
    public void Load_NamespaceItems_StartFromDefaults()
    {
        var config = RelayConfigLoader.LoadFile(files.Write("config.json", SampleJson)).Config;

        var news = config.Channel.Namespaces[1];
        Assert.Equal("default", news.SubscribeProxyName);
        Assert.Equal(0, news.HistorySize);
    }

    [Fact]
    public void Load_UnknownKeys_AreWarningsNamingTheFullPath()
    {
        var path = files.Write("config.json", """
            {
              "client": { "tokn": {} , "token": { "hmac_secret": "x" } },
              "channel": { "namespaces": [ { "name": "chat", "presense": true } ] },
              "api_key": "old",
              "consumers": []
            }
            """);

        var result = RelayConfigLoader.LoadFile(path);

        Assert.Contains(result.Warnings, w => w.Contains("\"client.tokn\"", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("\"client.token.hmac_secret\"", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("\"channel.namespaces[0].presense\"", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("\"api_key\"", StringComparison.Ordinal) && w.Contains("http_api.key", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("\"consumers\"", StringComparison.Ordinal) && w.Contains("does not support", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_KeysAreCaseInsensitive_LikeViper()
    {
        var config = RelayConfigLoader.LoadFile(files.Write("config.json", """{ "HTTP_SERVER": { "Port": 8123 } }""")).Config;

        Assert.Equal(8123, config.HttpServer.Port);
    }

    [Fact]
    public void Load_QuotedNumbersAndSingleStrings_AreAcceptedLikeViper()
    {
        var config = RelayConfigLoader.LoadFile(files.Write("config.json", """
            { "http_server": { "port": "8124" }, "client": { "insecure": "true", "allowed_origins": "*" } }
            """)).Config;

        Assert.Equal(8124, config.HttpServer.Port);
        Assert.True(config.Client.Insecure);
        Assert.Equal(["*"], config.Client.AllowedOrigins);
    }

    [Fact]
    public void Load_YamlQuotedScalars_StayStrings()
    {
        var config = RelayConfigLoader.LoadFile(files.Write("config.yaml", """
            channel:
              private_prefix: "true"
            node:
              name: "8000"
            """)).Config;

        Assert.Equal("true", config.Channel.PrivatePrefix);
        Assert.Equal("8000", config.Node.Name);
    }

    [Fact]
    public void Load_IntegerDuration_CountsNanosecondsLikeGo()
    {
        var config = RelayConfigLoader.LoadFile(files.Write("config.json", """
            { "client": { "ping_interval": -1, "pong_timeout": 8000000000 } }
            """)).Config;

        Assert.True(config.Client.PingInterval < TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(8), config.Client.PongTimeout);
    }

    [Fact]
    public void Load_EmptyFiles_GiveDefaults()
    {
        Assert.Equal(8000, RelayConfigLoader.LoadFile(files.Write("empty.json", "")).Config.HttpServer.Port);
        Assert.Equal(8000, RelayConfigLoader.LoadFile(files.Write("empty.yaml", "")).Config.HttpServer.Port);
    }

    [Theory]
    [InlineData("broken.json", "{ \"http_server\": ")]
    [InlineData("array.json", "[1, 2]")]
    [InlineData("broken.yaml", "http_server:\n  port: [1,\n")]
    [InlineData("scalar.yaml", "just a string")]
    [InlineData("config.toml", "port = 8000")]
    [InlineData("config.txt", "{}")]
    public void Load_UnreadableFile_ThrowsConfigException(string fileName, string content)
    {
        var path = files.Write(fileName, content);

        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.LoadFile(path));
        Assert.NotEmpty(ex.Errors);
    }

    [Theory]
    [InlineData("dup.json", "{ \"log\": { \"level\": \"debug\", \"level\": \"warn\" } }")]
    [InlineData("dup.yaml", "log:\n  level: debug\n  level: warn\n")]
    public void Load_DuplicateKeys_AreErrors(string fileName, string content)
    {
        var path = files.Write(fileName, content);

        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.LoadFile(path));
        Assert.Contains("level", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsConfigException()
    {
        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.LoadFile(files.PathOf("absent.json")));
        Assert.Contains("absent.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongTypes_ReportEveryKey()
    {
        var path = files.Write("config.json", """
            { "http_server": { "port": "eighty" }, "client": { "insecure": "maybe", "ping_interval": "soon" }, "channel": { "namespaces": {} } }
            """);

        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.LoadFile(path));

        Assert.Contains(ex.Errors, e => e.StartsWith("invalid value for \"http_server.port\"", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("invalid value for \"client.insecure\"", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("invalid value for \"client.ping_interval\"", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("invalid value for \"channel.namespaces\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Text_LoadsWithoutAFile()
    {
        var result = RelayConfigLoader.Parse("log:\n  level: warn\n", ConfigFileFormat.Yaml);

        Assert.Equal("warn", result.Config.Log.Level);
        Assert.Null(result.FilePath);
    }

    private static void AssertSample(RelayConfig config)
    {
        Assert.Equal(9000, config.HttpServer.Port);
        Assert.Equal("127.0.0.1", config.HttpServer.Address);
        Assert.Equal("debug", config.Log.Level);
        Assert.Equal("redis", config.Engine.Type);
        Assert.Equal(["redis://a:6379", "redis://b:6379"], config.Engine.Redis.Address);
        Assert.Equal(TimeSpan.FromSeconds(90), config.Engine.Redis.PresenceTtl);
        Assert.Equal("secret", config.Client.Token.HmacSecretKey);
        Assert.Equal(["https://example.com"], config.Client.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(20), config.Client.PingInterval);
        Assert.Equal(64, config.Client.ChannelLimit);
        Assert.True(config.Client.Insecure);
        Assert.True(config.Channel.WithoutNamespace.Presence);
        Assert.Equal(2, config.Channel.Namespaces.Count);
        Assert.Equal("chat", config.Channel.Namespaces[0].Name);
        Assert.Equal(10, config.Channel.Namespaces[0].HistorySize);
        Assert.Equal(TimeSpan.FromMinutes(5), config.Channel.Namespaces[0].HistoryTtl);
        Assert.Equal(["fossil"], config.Channel.Namespaces[0].AllowedDeltaTypes);
        Assert.Equal("^[a-z]+$", config.Channel.Namespaces[1].ChannelRegex);
        Assert.Equal("test", config.Proxies[0].Http.StaticHeaders["X-Env"]);
        Assert.Equal(TimeSpan.FromSeconds(3), config.Proxies[0].Timeout);
        Assert.Equal(TimeSpan.FromSeconds(90), config.Shutdown.Timeout);
    }
}
