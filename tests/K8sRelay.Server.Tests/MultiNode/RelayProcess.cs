using System.Net.Http.Json;
using System.Text.Json;
using K8sRelay.Configuration;
using K8sRelay.Configuration.Model;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Operations;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.MultiNode;

/// <summary>
/// The built server binary (<c>k8srelay.dll</c>, next to the tests) running as its own process on a loopback
/// port with a config file written from <see cref="TestConfigs.Default"/>, adjusted by the caller. Stopped
/// with SIGTERM (clean drain) or SIGKILL (crash) by PID; killed when disposed.
/// </summary>
internal sealed class RelayProcess : IAsyncDisposable
{
    private readonly ExternalProcess _process;
    private readonly TemporaryFolder _folder;
    private readonly HttpClient _http;

    private RelayProcess(ExternalProcess process, TemporaryFolder folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(20) };
        _http.DefaultRequestHeaders.Add("X-API-Key", RelayTestServer.ApiKey);
    }

    public int Port { get; }

    public string Url { get; }

    public string WebSocketUrl => Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/connection/websocket";

    public int Pid => _process.Pid;

    /// <summary>An HTTP client for the node, with the API key set.</summary>
    public HttpClient Http => _http;

    public bool IsRunning => _process.IsRunning;

    /// <summary>What the server wrote to stdout and stderr so far.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private string LogFile => Path.Combine(_folder.Path, "server.log");

    /// <summary>Starts a server and waits until <c>/health</c> answers.</summary>
    public static async Task<RelayProcess> StartAsync(Action<RelayConfig> configure, string name)
    {
        var config = TestConfigs.Default();
        var port = FreePorts.Next();
        config.HttpServer.Address = "127.0.0.1";
        config.HttpServer.Port = port;
        config.Node.Name = name;
        config.Log.Level = "info";
        configure(config);

        var folder = new TemporaryFolder("relay-" + name);
        var configFile = Path.Combine(folder.Path, "config.json");
        await File.WriteAllTextAsync(configFile, RelayConfigWriter.ToJson(config), TestContext.Current.CancellationToken);
        var dll = Path.Combine(AppContext.BaseDirectory, "k8srelay.dll");
        var process = ExternalProcess.Start("dotnet", [dll, "--config", configFile], folder.Path, Path.Combine(folder.Path, "server.log"));
        var relay = new RelayProcess(process, folder, port);
        await WaitUntil.TrueAsync(relay.IsHealthyAsync, $"server process {name} answering /health");
        return relay;
    }

    /// <summary>Calls <c>POST /api/{method}</c> and returns the <c>result</c> object (throws on an error answer).</summary>
    public async Task<JsonElement> ApiAsync(string method, object body)
    {
        using var response = await _http.PostAsJsonAsync("/api/" + method, body, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode || json.TryGetProperty("error", out _))
        {
            throw new InvalidOperationException($"{method} on {Url} answered {(int)response.StatusCode}: {json}");
        }

        return json.GetProperty("result");
    }

    /// <summary>Node ids listed by this node's <c>info</c>.</summary>
    public async Task<IReadOnlyList<string>> NodeIdsAsync()
    {
        var info = await ApiAsync("info", new { });
        return [.. info.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("uid").GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>The <c>/metrics</c> text.</summary>
    public Task<string> MetricsAsync() => _http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

    /// <summary>True when <c>/ready</c> answers 200.</summary>
    public Task<bool> IsReadyAsync() => AnswersOkAsync("/ready");

    /// <summary>SIGTERM and wait for the exit.</summary>
    public Task StopAsync() => _process.StopAsync();

    /// <summary>SIGKILL and wait for the exit.</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _http.Dispose();
        _folder.Dispose();
    }

    private async Task<bool> IsHealthyAsync() =>
        await AnswersOkAsync("/health") || (_process.IsRunning ? false : throw new InvalidOperationException("the server process exited:\n" + Log));

    private async Task<bool> AnswersOkAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
