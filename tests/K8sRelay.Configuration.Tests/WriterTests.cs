using System.Text.Json.Nodes;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

public sealed class WriterTests
{
    public static TheoryData<ConfigFileFormat, bool> Formats() => new()
    {
        { ConfigFileFormat.Json, false },
        { ConfigFileFormat.Json, true },
        { ConfigFileFormat.Yaml, false },
        { ConfigFileFormat.Yaml, true },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_Defaults_LoadsBackEqual(ConfigFileFormat format, bool onlyNonDefault)
    {
        var text = RelayConfigWriter.Write(new RelayConfig(), format, onlyNonDefault);

        var back = RelayConfigLoader.Parse(text, format);

        Assert.Empty(back.Warnings);
        Assert.Equal(RelayConfigWriter.ToJson(new RelayConfig()), RelayConfigWriter.ToJson(back.Config));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_RichConfig_LoadsBackEqual(ConfigFileFormat format, bool onlyNonDefault)
    {
        var original = SampleConfigs.Rich();
        Assert.Empty(RelayConfigValidator.Validate(original));

        var text = RelayConfigWriter.Write(original, format, onlyNonDefault);
        var back = RelayConfigLoader.Parse(text, format);

        Assert.Empty(back.Warnings);
        Assert.Equal(RelayConfigWriter.ToJson(original), RelayConfigWriter.ToJson(back.Config));
        Assert.True(back.Config.Client.PingInterval < TimeSpan.Zero);
        Assert.Equal("true", back.Config.Channel.PrivatePrefix);
        Assert.Equal("8000", back.Config.Channel.NamespaceBoundary);
        Assert.Equal("", back.Config.Websocket.HandlerPrefix);
        Assert.Equal(".", back.Config.Broker.Nats.RawMode.ChannelReplacements[":"]);
    }

    [Fact]
    public void ToJson_OnlyNonDefault_OfDefaults_IsEmptyObject()
    {
        Assert.Equal("{}", RelayConfigWriter.ToJson(new RelayConfig(), onlyNonDefault: true).Trim());
        Assert.Equal("{}", RelayConfigWriter.ToYaml(new RelayConfig(), onlyNonDefault: true).Trim());
    }

    [Fact]
    public void ToJson_OnlyNonDefault_WritesJustTheChangedKeys()
    {
        var config = new RelayConfig();
        config.HttpServer.Port = 8001;
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "chat", Presence = true });

        var json = JsonNode.Parse(RelayConfigWriter.ToJson(config, onlyNonDefault: true))!.AsObject();

        Assert.Equal(["http_server", "channel"], json.Select(p => p.Key));
        Assert.Equal("""{"port":8001}""", json["http_server"]!.ToJsonString());
        Assert.Equal("""{"namespaces":[{"name":"chat","presence":true}]}""", json["channel"]!.ToJsonString());
    }

    [Fact]
    public void ToJson_WritesNestedSnakeCaseKeysAndGoDurations()
    {
        var json = JsonNode.Parse(RelayConfigWriter.ToJson(new RelayConfig()))!;

        Assert.Equal("25s", (string?)json["client"]!["ping_interval"]);
        Assert.Equal("720h", (string?)json["channel"]!["history_meta_ttl"]);
        Assert.Equal(65536, (int?)json["websocket"]!["message_size_limit"]);
        Assert.Equal("memory", (string?)json["engine"]!["type"]);
        Assert.NotNull(json["client"]!["token"]!["hmac_secret_key"]);
    }

    [Fact]
    public void ToYaml_QuotesStringsAndDoesNotEndWithADocumentMarker()
    {
        var config = new RelayConfig();
        config.Channel.PrivatePrefix = "true";

        var yaml = RelayConfigWriter.ToYaml(config, onlyNonDefault: true);

        Assert.Equal("channel:\n  private_prefix: \"true\"\n", yaml.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToEnvironment_LoadsBackEqual()
    {
        var original = SampleConfigs.Rich();
        original.Websocket.HandlerPrefix = "/ws";

        var environment = RelayConfigWriter.ToEnvironment(original, onlyNonDefault: true)
            .ToDictionary(p => p.Key, p => (string?)p.Value);
        var back = RelayConfigLoader.Load(null, environment, []);

        Assert.Empty(back.Warnings);
        Assert.Equal(RelayConfigWriter.ToJson(original), RelayConfigWriter.ToJson(back.Config));
        Assert.Equal("https://a.example https://*.b.example", environment["CENTRIFUGO_CLIENT_ALLOWED_ORIGINS"]);
        Assert.Equal("9001", environment["CENTRIFUGO_HTTP_SERVER_PORT"]);
    }

    [Fact]
    public void ToEnvironment_All_ListsEveryKey()
    {
        var environment = RelayConfigWriter.ToEnvironment(new RelayConfig()).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("25s", environment["CENTRIFUGO_CLIENT_PING_INTERVAL"]);
        Assert.Equal("redis://127.0.0.1:6379", environment["CENTRIFUGO_ENGINE_REDIS_ADDRESS"]);
        Assert.Equal("[]", environment["CENTRIFUGO_CHANNEL_NAMESPACES"]);
        Assert.Equal("false", environment["CENTRIFUGO_CLIENT_INSECURE"]);
    }
}
