namespace K8sRelay.Configuration.Tests;

public sealed class FlagTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("--http_server.port=8001")]
    [InlineData("--http_server.port 8001")]
    [InlineData("-p 8001")]
    [InlineData("-p=8001")]
    public void Port_AllForms_SetHttpServerPort(string commandLine)
    {
        var args = commandLine.Split(' ');
        Assert.Equal(8001, RelayConfigLoader.Load(null, NoEnvironment, args).Config.HttpServer.Port);
    }

    [Fact]
    public void ShortAddress_SetsHttpServerAddress()
    {
        Assert.Equal("0.0.0.0", RelayConfigLoader.Load(null, NoEnvironment, ["-a", "0.0.0.0"]).Config.HttpServer.Address);
    }

    [Fact]
    public void BoolWithoutValue_IsTrue_AndTheNextFlagIsStillRead()
    {
        var config = RelayConfigLoader.Load(null, NoEnvironment, ["--client.insecure", "--admin.enabled", "--log.level", "debug"]).Config;

        Assert.True(config.Client.Insecure);
        Assert.True(config.Admin.Enabled);
        Assert.Equal("debug", config.Log.Level);
    }

    [Fact]
    public void CentrifugoRootFlags_AreAccepted()
    {
        var config = RelayConfigLoader.Load(null, NoEnvironment,
        [
            "--engine.type=memory", "--broker.type", "memory", "--http_api.insecure", "--prometheus.enabled",
            "--health.enabled", "--uni_websocket.enabled", "--uni_sse.enabled", "--uni_http_stream.enabled",
            "--sse.enabled", "--http_stream.enabled", "--grpc_api.enabled", "--grpc_api.port=10001",
            "--uni_grpc.enabled", "--uni_grpc.port", "11001", "--pid_file", "/tmp/relay.pid",
        ]).Config;

        Assert.True(config.HttpApi.Insecure);
        Assert.True(config.Prometheus.Enabled);
        Assert.True(config.Health.Enabled);
        Assert.True(config.Sse.Enabled);
        Assert.Equal(10001, config.GrpcApi.Port);
        Assert.Equal(11001, config.UniGrpc.Port);
        Assert.Equal("/tmp/relay.pid", config.PidFile);
    }

    [Fact]
    public void ListAndDurationFlags_AreParsedLikeEnvironment()
    {
        var config = RelayConfigLoader.Load(null, NoEnvironment, ["--client.allowed_origins=https://a https://b", "--shutdown.timeout=45s"]).Config;

        Assert.Equal(["https://a", "https://b"], config.Client.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(45), config.Shutdown.Timeout);
    }

    [Fact]
    public void ConfigFlag_NamesTheFile_WhenNoPathIsGiven()
    {
        var path = files.Write("config.json", """{ "http_server": { "port": 8055 } }""");

        var result = RelayConfigLoader.Load(null, NoEnvironment, ["-c", path]);

        Assert.Equal(8055, result.Config.HttpServer.Port);
        Assert.Equal(path, result.FilePath);
    }

    [Theory]
    [InlineData(new[] { "--no_such.key=1" }, "unknown flag \"--no_such.key\"")]
    [InlineData(new[] { "-x" }, "unknown flag \"-x\"")]
    [InlineData(new[] { "--http_server" }, "unknown flag \"--http_server\"")]
    [InlineData(new[] { "stray" }, "unexpected argument \"stray\"")]
    [InlineData(new[] { "--http_server.port" }, "flag \"--http_server.port\" needs a value")]
    public void BadFlags_AreErrors(string[] args, string expected)
    {
        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.Load(null, NoEnvironment, args));

        Assert.Contains(ex.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void BadFlagValue_NamesKeyAndFlag()
    {
        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.Load(null, NoEnvironment, ["-p", "http"]));

        Assert.StartsWith("invalid value for \"http_server.port\" (from flag -p)", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }
}
