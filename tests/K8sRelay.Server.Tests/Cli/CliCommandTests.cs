using System.Text.Json;
using K8sRelay.Configuration;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Tests.Cli;

/// <summary>Each command's output and exit code.</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k8srelay-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var (code, output) = await CliRun.RunAsync("version");

        Assert.Equal(0, code);
        Assert.StartsWith($"K8sRelay v{RelayNode.Version} (.NET version: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("version")]
    [InlineData("genconfig")]
    [InlineData("checkconfig")]
    [InlineData("defaultconfig")]
    [InlineData("gentoken")]
    [InlineData("gensubtoken")]
    [InlineData("checktoken")]
    [InlineData("checksubtoken")]
    public async Task Help_EveryCommand(string command)
    {
        var (code, output) = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains(command, output, StringComparison.Ordinal);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsCommands()
    {
        var (code, output) = await CliRun.RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "version", "genconfig", "checkconfig", "defaultconfig", "gentoken", "gensubtoken", "checktoken", "checksubtoken" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("config.json")]
    [InlineData("config.yaml")]
    public async Task GenConfig_WritesRandomSecrets_CheckConfigAccepts(string name)
    {
        var path = PathOf(name);

        var (code, output) = await CliRun.RunAsync("genconfig", "-c", path);
        var loaded = RelayConfigLoader.LoadFile(path).Config;
        var (checkCode, checkOutput) = await CliRun.RunAsync("checkconfig", "-c", path);
        var (againCode, againOutput) = await CliRun.RunAsync("genconfig", "-c", path);

        Assert.Equal((0, ""), (code, output));
        Assert.Equal(36, loaded.Client.Token.HmacSecretKey.Length);
        Assert.Equal(36, loaded.HttpApi.Key.Length);
        Assert.NotEqual(loaded.Admin.Password, loaded.Admin.Secret);
        Assert.Empty(loaded.Client.AllowedOrigins);
        Assert.Equal((0, ""), (checkCode, checkOutput));
        Assert.Equal(1, againCode);
        Assert.Contains("already exists", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_MissingInvalidAndStrict()
    {
        var invalid = PathOf("invalid.json");
        await File.WriteAllTextAsync(invalid, """{"http_server":{"port":"not a port"}}""", TestContext.Current.CancellationToken);
        var unknown = PathOf("unknown.json");
        await File.WriteAllTextAsync(unknown, """{"no_such_key":1}""", TestContext.Current.CancellationToken);

        var missing = await CliRun.RunAsync("checkconfig", "-c", PathOf("missing.json"));
        var bad = await CliRun.RunAsync("checkconfig", "--config", invalid);
        var lenient = await CliRun.RunAsync("checkconfig", "-c", unknown);
        var strict = await CliRun.RunAsync("checkconfig", "-c", unknown, "--strict");

        Assert.Equal((1, "config file not found\n"), missing);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error validating config: ", bad.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), lenient);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("no_such_key", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultConfig_DryRunPrints_FileWritten_ExistingRefused()
    {
        var path = PathOf("full.json");

        var dry = await CliRun.RunAsync("defaultconfig", "-c", path, "--dry-run");
        var written = await CliRun.RunAsync("defaultconfig", "-c", path);
        var again = await CliRun.RunAsync("defaultconfig", "-c", path);

        Assert.Equal(0, dry.ExitCode);
        using (var document = JsonDocument.Parse(dry.Output))
        {
            Assert.Equal(8000, document.RootElement.GetProperty("http_server").GetProperty("port").GetInt32());
        }

        Assert.Equal((0, ""), written);
        Assert.Equal(10000, RelayConfigLoader.LoadFile(path).Config.GrpcApi.Port);
        Assert.Equal((1, "error: target file already exists\n"), again);
    }

    [Fact]
    public async Task GenToken_OutputFormat_CheckTokenVerifies_TamperedRejected()
    {
        var config = PathOf("config.json");
        await File.WriteAllTextAsync(config, """{"client":{"token":{"hmac_secret_key":"cli-secret"}}}""", TestContext.Current.CancellationToken);

        var generated = await CliRun.RunAsync("gentoken", "-c", config, "-u", "42", "-t", "3600");
        var lines = generated.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = lines[1];
        var quiet = await CliRun.RunAsync("gentoken", "-c", config, "-u", "42", "--quiet");
        var valid = await CliRun.RunAsync("checktoken", "-c", config, token);
        var tampered = await CliRun.RunAsync("checktoken", "-c", config, Tamper(token));
        var noToken = await CliRun.RunAsync("checktoken", "-c", config);

        Assert.Equal(0, generated.ExitCode);
        Assert.Equal("HMAC SHA-256 JWT for user \"42\" with expiration TTL 1h0m0s:", lines[0]);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(3, quiet.Output.Split('.').Length);
        Assert.Equal(0, valid.ExitCode);
        Assert.StartsWith("valid token for user 42\npayload: {", valid.Output, StringComparison.Ordinal);
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith("error: token with algorithm HS256 and claims {", tampered.Output, StringComparison.Ordinal);
        Assert.Equal((1, "error: provide token to check [k8srelay checktoken <TOKEN>]\n"), noToken);
    }

    [Fact]
    public async Task GenSubToken_ChannelRequired_CheckSubTokenVerifies()
    {
        var config = PathOf("config.json");
        await File.WriteAllTextAsync(config, """{"client":{"token":{"hmac_secret_key":"cli-secret"}}}""", TestContext.Current.CancellationToken);

        var noChannel = await CliRun.RunAsync("gensubtoken", "-c", config, "-u", "42");
        var generated = await CliRun.RunAsync("gensubtoken", "-c", config, "-u", "42", "-s", "news:1");
        var token = generated.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        var valid = await CliRun.RunAsync("checksubtoken", "-c", config, token);
        var asConnection = await CliRun.RunAsync("checktoken", "-c", config, token);
        var tampered = await CliRun.RunAsync("checksubtoken", "-c", config, Tamper(token));

        Assert.Equal((1, "channel is required\n"), noChannel);
        Assert.StartsWith("HMAC SHA-256 JWT for user \"42\" and channel \"news:1\" with expiration TTL 168h0m0s:", generated.Output, StringComparison.Ordinal);
        Assert.Equal(0, valid.ExitCode);
        Assert.StartsWith("valid subscription token for user \"42\" and channel \"news:1\"", valid.Output, StringComparison.Ordinal);
        Assert.Equal(1, asConnection.ExitCode);
        Assert.Equal(1, tampered.ExitCode);
    }

    [Fact]
    public async Task GenToken_NoSecret_Error()
    {
        var config = PathOf("empty.json");
        await File.WriteAllTextAsync(config, "{}", TestContext.Current.CancellationToken);

        Assert.Equal((1, "error: no HMAC secret key set\n"), await CliRun.RunAsync("gentoken", "-c", config, "-u", "1"));
    }

    /// <summary>Changes one character of the signature.</summary>
    internal static string Tamper(string token)
    {
        var last = token[^2];
        return token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];
    }
}
