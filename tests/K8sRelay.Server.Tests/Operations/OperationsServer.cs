using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Node;
using K8sRelay.Server.Hosting;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// A real server started in-process on a free loopback port, like <see cref="RelayTestServer"/>, with access
/// to the application builder (extra configuration such as <c>OTEL_*</c> values, another engine).
/// </summary>
internal sealed class OperationsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private OperationsServer(WebApplication app, RelayConfig config)
    {
        _app = app;
        Config = config;
        Url = $"http://127.0.0.1:{config.HttpServer.Port}";
        Http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = new Uri(Url) };
    }

    public RelayConfig Config { get; }

    public string Url { get; }

    public string WebSocketUrl => Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/connection/websocket";

    public TokenIssuer Tokens { get; } = new(RelayTestServer.HmacSecret);

    public RelayNode Node => _app.Services.GetRequiredService<RelayNode>();

    /// <summary>A client for this server that never adds trace headers of its own.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts a server with the test defaults plus Prometheus, adjusted by the callbacks.</summary>
    public static async Task<OperationsServer> StartAsync(Action<RelayConfig>? configure = null, Action<WebApplicationBuilder>? builder = null)
    {
        var config = TestConfigs.Default();
        config.HttpServer.Address = "127.0.0.1";
        config.HttpServer.Port = FreePorts.Next();
        config.Prometheus.Enabled = true;
        configure?.Invoke(config);
        var app = RelayServerApp.Build(config, [], builder);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new OperationsServer(app, config);
    }

    /// <summary>Stops the host the way SIGTERM does: the shutdown drain runs, then the HTTP server stops.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Reads <c>/metrics</c>.</summary>
    public async Task<PrometheusScrape> ScrapeAsync()
    {
        var text = await Http.GetStringAsync(Config.Prometheus.HandlerPrefix, TestContext.Current.CancellationToken);
        return PrometheusScrape.Parse(text);
    }

    /// <summary>A server API call with the test key; returns the response.</summary>
    public Task<HttpResponseMessage> ApiAsync(string method, string json, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/" + method)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-API-Key", RelayTestServer.ApiKey);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        Http.Dispose();
    }
}
