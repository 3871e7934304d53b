using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Server.Hosting;
using K8sRelay.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>A test server (same defaults as <see cref="RelayTestServer"/>) whose services the tests can inspect.</summary>
internal sealed class CompressionServer : IAsyncDisposable
{
    private CompressionServer(WebApplication app, RelayConfig config)
    {
        App = app;
        Url = $"http://127.0.0.1:{config.HttpServer.Port}";
    }

    public WebApplication App { get; }

    public string Url { get; }

    public string WebSocketUrl => Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/connection/websocket";

    public TokenIssuer Tokens { get; } = new(RelayTestServer.HmacSecret);

    public static async Task<CompressionServer> StartAsync(Action<RelayConfig> configure)
    {
        var config = TestConfigs.Default();
        config.HttpServer.Address = "127.0.0.1";
        config.HttpServer.Port = RelayTestServer.FreePort();
        configure(config);
        var app = RelayServerApp.Build(config, []);
        await app.StartAsync();
        return new CompressionServer(app, config);
    }

    /// <summary>Arguments every interop scenario needs.</summary>
    public Dictionary<string, object?> ScenarioArgs(string protocol) => new()
    {
        ["url"] = WebSocketUrl,
        ["apiUrl"] = Url,
        ["apiKey"] = RelayTestServer.ApiKey,
        ["protocol"] = protocol,
    };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
