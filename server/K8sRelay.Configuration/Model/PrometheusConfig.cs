namespace K8sRelay.Configuration.Model;

/// <summary>The <c>prometheus</c> section: the Prometheus metrics endpoint.</summary>
public sealed class PrometheusConfig
{
    /// <summary><c>prometheus.enabled</c>: serve metrics. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>prometheus.handler_prefix</c>: path the endpoint is served at. Default <c>/metrics</c>.</summary>
    public string HandlerPrefix { get; set; } = "/metrics";

    /// <summary><c>prometheus.instrument_http_handlers</c>: add metrics about HTTP handlers. Default false.</summary>
    public bool InstrumentHttpHandlers { get; set; }
}
