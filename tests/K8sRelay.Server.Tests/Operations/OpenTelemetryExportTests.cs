using K8sRelay.Core.Diagnostics;
using K8sRelay.Server.Tests.Operations.Otlp;
using K8sRelay.Server.Tests.Security;
using Microsoft.Extensions.Configuration;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// With <c>opentelemetry.enabled</c> and <c>opentelemetry.api</c>, a real server exports over OTLP/HTTP (set up
/// by the standard <c>OTEL_*</c> settings) to a receiver the test runs: the spans of an API publish continue
/// the caller's <c>traceparent</c> and carry the command's attributes; the node's metrics arrive too.
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

    private static Task<OperationsServer> StartTracedServerAsync(OtlpReceiver receiver) =>
        OperationsServer.StartAsync(
            config =>
            {
                config.Opentelemetry.Enabled = true;
                config.Opentelemetry.Api = true;
            },
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            }));
}
