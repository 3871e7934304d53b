using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>
/// An in-process Kubernetes API server on a loopback port that the real KubernetesClient talks to over HTTP:
/// CRUD, list and watch (resume, 410, timeouts), status and scale subresources, merge and JSON patches,
/// optimistic concurrency, garbage collection, simple Deployment and StatefulSet controllers, fault injection and
/// a fake of the K8sRelay server's info and drain calls.
/// </summary>
public sealed partial class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Method, string Path)> _writes = [];
    private readonly Lock _faultLock = new();
    private readonly Queue<HttpStatusCode> _faults = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeApiServer(WebApplication app, FakeStore store)
    {
        _app = app;
        Store = store;
        Controllers = new FakeControllers(store);
        Relay = new FakeRelayServers(store);
    }

    /// <summary>The object store.</summary>
    public FakeStore Store { get; }

    /// <summary>The Deployment, StatefulSet and status controllers.</summary>
    public FakeControllers Controllers { get; }

    /// <summary>The fake K8sRelay servers (info and drain).</summary>
    public FakeRelayServers Relay { get; }

    /// <summary>Base address, http://127.0.0.1:port.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Mutating requests received so far (method and path), in order.</summary>
    public IReadOnlyList<(string Method, string Path)> Writes
    {
        get
        {
            lock (_writes)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var store = new FakeStore();
        var app = builder.Build();
        var server = new FakeApiServer(app, store);
        app.Map("/relay/{ns}/{pod}/api/{method}", server.Relay.HandleAsync);
        app.Map("/{**path}", server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        server.Controllers.Start(server._stopping.Token);
        return server;
    }

    /// <summary>A client configuration that points at this server.</summary>
    public KubernetesClientConfiguration ClientConfiguration() => new() { Host = BaseAddress.ToString().TrimEnd('/'), DisableHttp2 = true };

    /// <summary>Makes the next <paramref name="count"/> API requests fail with <paramref name="code"/>.</summary>
    public void FailNext(int count, HttpStatusCode code)
    {
        lock (_faultLock)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(code);
            }
        }
    }

    /// <summary>Number of mutating requests so far.</summary>
    public int WriteCount
    {
        get
        {
            lock (_writes)
            {
                return _writes.Count;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Store.DropWatches();
        await Controllers.StopAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        try
        {
            lock (_faultLock)
            {
                if (_faults.TryDequeue(out var fault))
                {
                    throw new FakeApiException(fault, fault == HttpStatusCode.TooManyRequests ? "TooManyRequests" : "InternalError", "injected fault");
                }
            }

            var route = FakeRoute.Parse(request.Path.Value ?? "");
            if (request.Method != HttpMethods.Get)
            {
                lock (_writes)
                {
                    _writes.Add((request.Method, request.Path.Value ?? ""));
                }
            }

            if (request.Method == HttpMethods.Get && route.Name is null && request.Query["watch"] == "true")
            {
                await WatchAsync(context, route);
                return;
            }

            var body = request.ContentLength is > 0 || request.Method is "POST" or "PUT" or "PATCH"
                ? await ReadBodyAsync(request)
                : null;
            var result = Execute(request.Method, route, body, request.ContentType, request.Query);
            await WriteJsonAsync(context, request.Method == HttpMethods.Post ? HttpStatusCode.Created : HttpStatusCode.OK, result);
        }
        catch (FakeApiException e)
        {
            await WriteJsonAsync(context, e.Code, ApiStatus.Failure(e.Code, e.Reason, e.Message));
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static async Task WriteJsonAsync(HttpContext context, HttpStatusCode code, JsonNode body)
    {
        context.Response.StatusCode = (int)code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
