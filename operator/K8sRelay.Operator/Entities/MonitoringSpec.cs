namespace K8sRelay.Operator.Entities;

/// <summary>Prometheus scraping of the server's /metrics endpoint on the internal port.</summary>
public sealed class MonitoringSpec
{
    /// <summary>Add prometheus.io/scrape, prometheus.io/port and prometheus.io/path annotations to the pods.</summary>
    public bool ScrapeAnnotations { get; set; } = true;
}
