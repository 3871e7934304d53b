using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Server.Grpc.Api;
using K8sRelay.Server.Tests.Operations.Otlp;
using K8sRelay.Server.Tests.Security;
using K8sRelay.Testing.Processes;
using Microsoft.Extensions.Configuration;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// With <c>opentelemetry.enabled</c> and <c>opentelemetry.api</c>, a real server exports over OTLP/HTTP (set up
/// by the standard <c>OTEL_*</c> settings) to a receiver the test runs: the spans of an API publish continue
/// the caller's <c>traceparent</c> and carry the command's attributes, over HTTP and over the GRPC API (whose
/// server span continues the <c>traceparent</c> metadata); the node's metrics arrive too.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpenTelemetryExportTests
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task ApiPublish_SpansContinueTraceparent_WithAttributes_AndMetricsArrive()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var server = await StartTracedServerAsync(receiver);

        using var response = await server.ApiAsync(
            "publish",
            """{"channel":"chat:traced","data":{"text":"hello"}}""",
            new Dictionary<string, string> { ["traceparent"] = $"00-{CallerTraceId}-{CallerSpanId}-01" });
        Assert.True(response.IsSuccessStatusCode);

        await Poll.UntilAsync(() => receiver.Spans.Any(s => s.Span.Name == "api publish") && receiver.Spans.Any(s => s.ParentSpanId == CallerSpanId));
        var trace = receiver.Spans.Where(s => s.TraceId == CallerTraceId).ToList();

        var request = Assert.Single(trace, s => s.ParentSpanId == CallerSpanId);
        Assert.Equal("POST", request.Attribute("http.request.method"));
        Assert.Equal("/api/publish", request.Attribute("url.path"));
        Assert.Equal("200", request.Attribute("http.response.status_code"));

        var command = Assert.Single(trace, s => s.Span.Name == "api publish");
        Assert.Equal(request.SpanId, command.ParentSpanId);
        Assert.Equal("publish", command.Attribute(RelayTracing.ApiMethodAttribute));
        Assert.Equal("http", command.Attribute(RelayTracing.ApiProtocolAttribute));
        Assert.Equal("chat:traced", command.Attribute(RelayTracing.ChannelAttribute));
        Assert.Equal(server.Node.Name, command.Attribute(RelayTracing.NodeAttribute));
        Assert.Equal("200", command.Attribute("http.response.status_code"));
        Assert.Equal("k8srelay", command.ResourceAttribute("service.name"));
        Assert.DoesNotContain(command.Span.Attributes, a => a.Value.StringValue.Contains("hello", StringComparison.Ordinal));

        await Poll.UntilAsync(() => receiver.Metrics.Any(m => m.Name == MetricNames.NumClients)
            && receiver.Metrics.Any(m => m.Name == MetricNames.ApiCommandDuration));
    }

    [Fact]
    public async Task GrpcApiPublish_ServerSpanContinuesTraceparent_WithAttributes()
    {
        const int ServerSpanKind = 2;
        var grpcPort = FreePorts.Next();
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var server = await StartTracedServerAsync(receiver, config =>
        {
            config.GrpcApi.Enabled = true;
            config.GrpcApi.Address = "127.0.0.1";
            config.GrpcApi.Port = grpcPort;
        });
        using var handler = new SocketsHttpHandler { ActivityHeadersPropagator = null };
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions { HttpHandler = handler });
        var client = new CentrifugoApi.CentrifugoApiClient(channel);
        var traced = new Metadata { { "traceparent", $"00-{CallerTraceId}-{CallerSpanId}-01" } };

        var published = await client.PublishAsync(
            new PublishRequest { Channel = "chat:grpc-traced", Data = ByteString.CopyFromUtf8("""{"text":"hello"}""") }, traced, cancellationToken: Ct);
        var unknown = await client.PublishAsync(
            new PublishRequest { Channel = "nowhere:grpc", Data = ByteString.CopyFromUtf8("{}") }, cancellationToken: Ct);
        Assert.Null(published.Error);
        Assert.Equal(102u, unknown.Error.Code);

        await Poll.UntilAsync(() => receiver.Spans.Any(s => s.TraceId == CallerTraceId)
            && receiver.Spans.Any(s => s.Attribute(RelayTracing.ChannelAttribute) == "nowhere:grpc"));
        var command = Assert.Single(receiver.Spans, s => s.TraceId == CallerTraceId);
        Assert.Equal("api publish", command.Span.Name);
        Assert.Equal(ServerSpanKind, command.Span.Kind);
        Assert.Equal(CallerSpanId, command.ParentSpanId);
        Assert.Equal("publish", command.Attribute(RelayTracing.ApiMethodAttribute));
        Assert.Equal("grpc", command.Attribute(RelayTracing.ApiProtocolAttribute));
        Assert.Equal("chat:grpc-traced", command.Attribute(RelayTracing.ChannelAttribute));
        Assert.Equal(server.Node.Name, command.Attribute(RelayTracing.NodeAttribute));
        Assert.Equal("grpc", command.Attribute("rpc.system"));
        Assert.Equal("Publish", command.Attribute("rpc.method"));
        Assert.Equal("0", command.Attribute("rpc.grpc.status_code"));
        Assert.Null(command.Attribute(RelayTracing.ApiErrorCodeAttribute));
        Assert.Equal("k8srelay", command.ResourceAttribute("service.name"));
        Assert.DoesNotContain(command.Span.Attributes, a => a.Value.StringValue.Contains("hello", StringComparison.Ordinal));

        // Without a traceparent the call starts a trace of its own; the in-body error is on the span.
        var untraced = Assert.Single(receiver.Spans, s => s.Attribute(RelayTracing.ChannelAttribute) == "nowhere:grpc");
        Assert.NotEqual(CallerTraceId, untraced.TraceId);
        Assert.Equal(string.Empty, untraced.ParentSpanId);
        Assert.Equal(ServerSpanKind, untraced.Span.Kind);
        Assert.Equal("102", untraced.Attribute(RelayTracing.ApiErrorCodeAttribute));
    }

    [Fact]
    public async Task NonApiRequests_AreNotTraced()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var server = await StartTracedServerAsync(receiver);

        using (var health = await server.Http.GetAsync("/health", TestContext.Current.CancellationToken))
        {
            Assert.True(health.IsSuccessStatusCode);
        }

        using (var publish = await server.ApiAsync("publish", """{"channel":"chat:after","data":{}}"""))
        {
            Assert.True(publish.IsSuccessStatusCode);
        }

        await Poll.UntilAsync(() => receiver.Spans.Any(s => s.Attribute(RelayTracing.ChannelAttribute) == "chat:after"));
        Assert.DoesNotContain(receiver.Spans, s => s.Attribute("url.path") is "/health" or "/metrics");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<OperationsServer> StartTracedServerAsync(OtlpReceiver receiver, Action<RelayConfig>? configure = null) =>
        OperationsServer.StartAsync(
            config =>
            {
                config.Opentelemetry.Enabled = true;
                config.Opentelemetry.Api = true;
                configure?.Invoke(config);
            },
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            }));
}
