using System.Net.WebSockets;
using System.Text;
using K8sRelay.Configuration;
using K8sRelay.Server.Tests.Api;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.Cli;

/// <summary>A config from <c>genconfig</c> starts the server; a token from <c>gentoken</c> connects, a tampered one does not.</summary>
[Trait("Category", "Integration")]
public sealed class CliServeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k8srelay-serve-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GeneratedConfigAndToken_ServerAcceptsThem()
    {
        var config = Path.Combine(_directory, "config.json");
        Assert.Equal(0, (await CliRun.RunAsync("genconfig", "-c", config)).ExitCode);
        var apiKey = RelayConfigLoader.LoadFile(config).Config.HttpApi.Key;
        var token = (await CliRun.RunAsync("gentoken", "-c", config, "-u", "cli-user", "-q")).Output;
        var port = RelayTestServer.FreePort();
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();

        var serving = K8sRelay.Server.Cli.CliApp.RunAsync(
            ["-c", config, "--http_server.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--http_server.address=127.0.0.1"],
            output, output, stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntil.TrueAsync(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/info") { Content = new StringContent("{}", Encoding.UTF8) };
                request.Headers.Add("X-API-Key", apiKey);
                using var response = await http.SendAsync(request);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return serving.IsCompleted;
            }
        }, "the server started by the CLI answers the API");
        Assert.False(serving.IsCompleted, output.ToString());

        await using (var accepted = await RawJsonClient.ConnectAsync($"ws://127.0.0.1:{port}/connection/websocket", token))
        {
            Assert.Equal(36, accepted.ClientId.Length);
        }

        await using (var rejected = await RawJsonClient.ConnectAsync($"ws://127.0.0.1:{port}/connection/websocket", CliCommandTests.Tamper(token)))
        {
            await rejected.ReadUntilClosedAsync();
            Assert.Equal((WebSocketCloseStatus)3500, rejected.CloseStatus);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    [Fact]
    public async Task Serve_BadConfig_Exit1()
    {
        var config = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(config, """{"http_server":{"port":-5}}""", TestContext.Current.CancellationToken);

        var (code, output) = await CliRun.RunAsync("serve", "-c", config);

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", output, StringComparison.Ordinal);
    }
}
