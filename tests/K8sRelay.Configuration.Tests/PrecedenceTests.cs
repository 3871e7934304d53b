namespace K8sRelay.Configuration.Tests;

public sealed class PrecedenceTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<bool, bool, bool> AllCombinations()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (var file in new[] { false, true })
        {
            foreach (var env in new[] { false, true })
            {
                foreach (var flag in new[] { false, true })
                {
                    data.Add(file, env, flag);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Load_Port_FlagBeatsEnvironmentBeatsFileBeatsDefault(bool inFile, bool inEnvironment, bool inFlag)
    {
        var path = inFile ? files.Write("config.json", """{ "http_server": { "port": 8001 } }""") : null;
        var environment = new Dictionary<string, string?>();
        if (inEnvironment)
        {
            environment["CENTRIFUGO_HTTP_SERVER_PORT"] = "8002";
        }

        string[] flags = inFlag ? ["--http_server.port=8003"] : [];

        var config = RelayConfigLoader.Load(path, environment, flags).Config;

        var expected = inFlag ? 8003 : inEnvironment ? 8002 : inFile ? 8001 : 8000;
        Assert.Equal(expected, config.HttpServer.Port);
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Load_NestedString_FlagBeatsEnvironmentBeatsFileBeatsDefault(bool inFile, bool inEnvironment, bool inFlag)
    {
        var path = inFile ? files.Write("config.yaml", "client:\n  token:\n    hmac_secret_key: from-file\n") : null;
        var environment = new Dictionary<string, string?>();
        if (inEnvironment)
        {
            environment["CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY"] = "from-env";
        }

        string[] flags = inFlag ? ["--client.token.hmac_secret_key", "from-flag"] : [];

        var config = RelayConfigLoader.Load(path, environment, flags).Config;

        var expected = inFlag ? "from-flag" : inEnvironment ? "from-env" : inFile ? "from-file" : "";
        Assert.Equal(expected, config.Client.Token.HmacSecretKey);
    }

    [Fact]
    public void Load_EnvironmentOverridesOneKey_KeepsTheRestOfTheFileSection()
    {
        var path = files.Write("config.json", """{ "client": { "channel_limit": 10, "insecure": true } }""");
        var environment = new Dictionary<string, string?> { ["CENTRIFUGO_CLIENT_CHANNEL_LIMIT"] = "20" };

        var config = RelayConfigLoader.Load(path, environment, []).Config;

        Assert.Equal(20, config.Client.ChannelLimit);
        Assert.True(config.Client.Insecure);
    }

    [Fact]
    public void Load_FlagFalse_OverridesEnvironmentTrue()
    {
        var environment = new Dictionary<string, string?> { ["CENTRIFUGO_CLIENT_INSECURE"] = "true" };

        var config = RelayConfigLoader.Load(null, environment, ["--client.insecure=false"]).Config;

        Assert.False(config.Client.Insecure);
    }

    [Fact]
    public void Load_EnvironmentNamespaces_ReplaceFileNamespaces()
    {
        var path = files.Write("config.json", """{ "channel": { "namespaces": [ { "name": "fromfile" } ] } }""");
        var environment = new Dictionary<string, string?>
        {
            ["CENTRIFUGO_CHANNEL_NAMESPACES"] = """[{"name":"fromenv","presence":true}]""",
        };

        var config = RelayConfigLoader.Load(path, environment, []).Config;

        var ns = Assert.Single(config.Channel.Namespaces);
        Assert.Equal("fromenv", ns.Name);
        Assert.True(ns.Presence);
    }

    [Fact]
    public void Load_PerNamespaceEnvironmentVariable_ChangesANamespaceFromTheFile()
    {
        var path = files.Write("config.json", """{ "channel": { "namespaces": [ { "name": "my-chat", "presence": false } ] } }""");
        var environment = new Dictionary<string, string?> { ["CENTRIFUGO_CHANNEL_NAMESPACES_MY_CHAT_PRESENCE"] = "true" };

        var result = RelayConfigLoader.Load(path, environment, []);

        Assert.True(result.Config.Channel.Namespaces[0].Presence);
        Assert.Empty(result.Warnings);
    }
}
