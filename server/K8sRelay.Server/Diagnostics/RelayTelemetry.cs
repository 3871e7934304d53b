using System.Diagnostics.Metrics;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// Sets up OpenTelemetry for the server: metrics (the node's Centrifugo-named metrics, .NET runtime and
/// Kestrel metrics, HTTP handler metrics when <c>prometheus.instrument_http_handlers</c> is on) exported for
/// Prometheus scrapes when <c>prometheus.enabled</c> and over OTLP when <c>opentelemetry.enabled</c>; and, when
/// <c>opentelemetry.enabled</c>, spans of server API requests (<c>opentelemetry.api</c>) and proxy calls exported
/// over OTLP. The OTLP exporter, the sampler, the service name and the export intervals follow the standard
/// <c>OTEL_*</c> variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_TRACES_SAMPLER</c>, …).
/// </summary>
internal static class RelayTelemetry
{
    /// <summary>The service name spans and metrics carry unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string DefaultServiceName = "k8srelay";

    private static readonly string[] ProcessMeters = ["System.Runtime", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];
    private static readonly string[] HttpHandlerMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Routing"];

    /// <summary>Registers what the configuration asks for; nothing at all when neither Prometheus nor OpenTelemetry is enabled.</summary>
    public static void Add(WebApplicationBuilder builder, RelayConfig config)
    {
        var prometheus = config.Prometheus.Enabled;
        var otlp = config.Opentelemetry.Enabled;
        if (!prometheus && !otlp)
        {
            return;
        }

        var useDefaultName = string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]);
        var telemetry = builder.Services.AddOpenTelemetry();
        telemetry.ConfigureResource(resource =>
        {
            if (useDefaultName)
            {
                resource.AddService(DefaultServiceName, serviceVersion: NodeVersion.Current);
            }
        });

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(RelayMetrics.MeterName).AddMeter(ProcessMeters);
            if (config.Prometheus.InstrumentHttpHandlers)
            {
                metrics.AddMeter(HttpHandlerMeters);
            }

            if (metrics is IDeferredMeterProviderBuilder deferred)
            {
                deferred.Configure((serviceProvider, meterBuilder) =>
                {
                    var view = new OwnInstrumentsView(serviceProvider.GetRequiredService<RelayNode>().Metrics, serviceProvider.GetRequiredService<IMeterFactory>());
                    meterBuilder.AddView(view.Select);
                });
            }

            if (prometheus)
            {
                metrics.AddPrometheusExporter(options =>
                {
                    // Centrifugo's counters have no _total suffix; dashboards query them by those names.
                    options.DisableTotalNameSuffixForCounters = true;
                    options.ScopeInfoEnabled = false;
                });
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });

        if (otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(RelayTracing.SourceName);
                if (config.Opentelemetry.Api)
                {
                    var apiPrefix = new PathString(config.HttpApi.HandlerPrefix.TrimEnd('/'));
                    tracing.AddAspNetCoreInstrumentation(options =>
                        options.Filter = context => ApiMethodNames.FromPath(context.Request.Path, apiPrefix) is not null);
                }

                tracing.AddOtlpExporter();
            });
        }
    }
}
