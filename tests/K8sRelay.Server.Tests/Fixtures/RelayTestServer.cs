using System.Net;
using System.Net.Sockets;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Node;
using K8sRelay.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace K8sRelay.Server.Tests.Fixtures;

/// <summary>A real K8sRelay server started in-process on a free loopback port.</summary>
public sealed class RelayTestServer : IAsyncDisposable
{
    public const string HmacSecret = "test-hmac-secret-of-a-reasonable-length-0123456789";
    public const string ApiKey = "test-api-key";

    private readonly WebApplication _app;
    private bool _stopped;

    private RelayTestServer(WebApplication app, RelayConfig config)
    {
        _app = app;
        Config = config;
        Url = $"http://127.0.0.1:{config.HttpServer.Port}";
        Tokens = new TokenIssuer(HmacSecret);
    }

    public RelayConfig Config { get; }

    public string Url { get; }

    public string WebSocketUrl => Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/connection/websocket";

    public TokenIssuer Tokens { get; }

    public RelayNode Node => _app.Services.GetRequiredService<RelayNode>();

    /// <summary>Starts a server with the test defaults, adjusted by <paramref name="configure"/>.</summary>
    public static async Task<RelayTestServer> StartAsync(Action<RelayConfig>? configure = null)
    {
        var config = TestConfigs.Default();
        config.HttpServer.Address = "127.0.0.1";
        config.HttpServer.Port = FreePort();
        configure?.Invoke(config);
        var app = RelayServerApp.Build(config, []);
        await app.StartAsync();
        return new RelayTestServer(app, config);
    }

    /// <summary>Stops the server gracefully (clients get the shutdown disconnect).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Arguments every interop scenario needs.</summary>
    public Dictionary<string, object?> ScenarioArgs(string protocol) => new()
    {
        ["url"] = WebSocketUrl,
        ["apiUrl"] = Url,
        ["apiKey"] = ApiKey,
        ["protocol"] = protocol,
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
