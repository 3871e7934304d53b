namespace K8sRelay.Configuration.Model;

/// <summary>The <c>graphite</c> section: periodic metric export to Graphite.</summary>
public sealed class GraphiteConfig
{
    /// <summary><c>graphite.enabled</c>: export metrics to Graphite. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>graphite.host</c>: Graphite host. Default <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary><c>graphite.port</c>: Graphite port, 1..65535. Default 2003.</summary>
    public int Port { get; set; } = 2003;

    /// <summary><c>graphite.prefix</c>: metric name prefix. Default <c>centrifugo</c>.</summary>
    public string Prefix { get; set; } = "centrifugo";

    /// <summary><c>graphite.interval</c>: export interval, &gt; 0. Default 10s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>graphite.tags</c>: send tags in Graphite's tag format. Default false.</summary>
    public bool Tags { get; set; }
}
