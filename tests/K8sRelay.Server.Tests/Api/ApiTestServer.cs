using System.Net.Http.Headers;
using System.Text;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Node;
using K8sRelay.Server.Api;
using K8sRelay.Server.Hosting;
using K8sRelay.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace K8sRelay.Server.Tests.Api;

/// <summary>
/// A real server for the server API tests: the shared test configuration, a small request body
/// limit (64 KiB) and, when asked, the GRPC API on its own free port.
/// </summary>
public sealed class ApiTestServer : IAsyncDisposable
{
    public const long BodyLimit = 64 * 1024;

    private readonly WebApplication _app;

    private ApiTestServer(WebApplication app, RelayConfig config)
    {
        _app = app;
        Config = config;
        Url = $"http://127.0.0.1:{config.HttpServer.Port}";
        Tokens = new TokenIssuer(RelayTestServer.HmacSecret);
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public RelayConfig Config { get; }

    public string Url { get; }

    public string WebSocketUrl => Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/connection/websocket";

    public string GrpcUrl => $"http://127.0.0.1:{Config.GrpcApi.Port}";

    public TokenIssuer Tokens { get; }

    public HttpClient Http { get; }

    public RelayNode Node => _app.Services.GetRequiredService<RelayNode>();

    public static async Task<ApiTestServer> StartAsync(Action<RelayConfig>? configure = null, bool grpc = false)
    {
        var config = TestConfigs.Default();
        config.HttpServer.Address = "127.0.0.1";
        config.HttpServer.Port = RelayTestServer.FreePort();
        if (grpc)
        {
            config.GrpcApi.Enabled = true;
            config.GrpcApi.Address = "127.0.0.1";
            config.GrpcApi.Port = RelayTestServer.FreePort();
        }

        configure?.Invoke(config);
        var app = RelayServerApp.Build(config, [], builder =>
            builder.Configuration[ServerApiOptions.MaxRequestBodySizeKey] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await app.StartAsync();
        return new ApiTestServer(app, config);
    }

    /// <summary>Arguments every interop scenario needs.</summary>
    public Dictionary<string, object?> ScenarioArgs() => new()
    {
        ["url"] = WebSocketUrl,
        ["apiUrl"] = Url,
        ["apiKey"] = RelayTestServer.ApiKey,
        ["protocol"] = "json",
    };

    /// <summary>POSTs <paramref name="body"/> to <paramref name="path"/> with the API key header (unless <paramref name="key"/> is empty).</summary>
    public async Task<ApiAnswer> PostAsync(string path, string body, string? key = RelayTestServer.ApiKey, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!string.IsNullOrEmpty(key))
        {
            request.Headers.Add("X-API-Key", key);
        }

        adjust?.Invoke(request);
        return await SendAsync(request);
    }

    public async Task<ApiAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiAnswer((int)response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
