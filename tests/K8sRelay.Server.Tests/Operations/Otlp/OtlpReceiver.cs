using System.Collections.Concurrent;
using Google.Protobuf;
using K8sRelay.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Server.Tests.Operations.Otlp;

/// <summary>
/// A real OTLP/HTTP endpoint on a loopback port: accepts <c>POST /v1/traces</c> and <c>POST /v1/metrics</c>
/// with protobuf bodies, as a collector would, and keeps what arrives for the test to inspect.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base address to give exporters (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public string Url { get; }

    /// <summary>Every span received, with the resource it came with.</summary>
    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    /// <summary>Every metric received.</summary>
    public ConcurrentQueue<Metric> Metrics { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, $"http://127.0.0.1:{port}");
        app.MapPost("/v1/traces", async context =>
        {
            var request = ExportTraceServiceRequest.Parser.ParseFrom(await ReadAsync(context));
            foreach (var resourceSpans in request.ResourceSpans)
            {
                foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
                {
                    receiver.Spans.Enqueue(new ReceivedSpan(resourceSpans.Resource ?? new Resource(), span));
                }
            }

            await RespondAsync(context);
        });
        app.MapPost("/v1/metrics", async context =>
        {
            var request = ExportMetricsServiceRequest.Parser.ParseFrom(await ReadAsync(context));
            foreach (var metric in request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics))
            {
                receiver.Metrics.Enqueue(metric);
            }

            await RespondAsync(context);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task RespondAsync(HttpContext context)
    {
        // An empty export response message: everything accepted.
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(ByteString.Empty.Memory, context.RequestAborted);
    }
}
