namespace K8sRelay.Configuration.Model;

/// <summary>The <c>opentelemetry</c> section: tracing, configured further by the standard <c>OTEL_*</c> variables.</summary>
public sealed class OpentelemetryConfig
{
    /// <summary><c>opentelemetry.enabled</c>: turn tracing on. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>opentelemetry.api</c>: trace server API requests. Default false.</summary>
    public bool Api { get; set; }

    /// <summary><c>opentelemetry.consuming</c>: trace consumed messages. Default false.</summary>
    public bool Consuming { get; set; }
}
