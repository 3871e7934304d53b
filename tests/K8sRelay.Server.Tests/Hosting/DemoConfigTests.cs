using System.Net;
using System.Net.WebSockets;
using K8sRelay.Configuration;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Testing;

namespace K8sRelay.Server.Tests.Hosting;

public sealed class DemoConfigTests
{
    [Fact]
    public void DemoConfig_LoadsWithoutWarnings_OnPort8000()
    {
        var path = RepositoryPaths.Combine("server", "K8sRelay.Server", "demo-config.json");

        var loaded = RelayConfigLoader.LoadFile(path);

        Assert.Empty(loaded.Warnings);
        Assert.Equal(8000, loaded.Config.HttpServer.Port);
        Assert.Equal("memory", loaded.Config.Engine.Type);
        Assert.NotEmpty(loaded.Config.HttpApi.Key);
    }

    [Fact]
    public async Task WebSocketUpgrade_OriginNotAllowed_Refused403()
    {
        await using var server = await RelayTestServer.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://evil.example");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(server.WebSocketUrl), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task WebSocketUpgrade_AllowedOriginPattern_Accepted()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.AllowedOrigins = ["https://*.example.com"]);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "https://app.example.com");

        await socket.ConnectAsync(new Uri(server.WebSocketUrl), TestContext.Current.CancellationToken);

        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Health_AnswersEmptyJsonObject()
    {
        await using var server = await RelayTestServer.StartAsync();
        using var http = new HttpClient();

        var response = await http.GetAsync(server.Url + "/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
