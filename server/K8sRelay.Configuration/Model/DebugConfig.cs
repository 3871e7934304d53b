namespace K8sRelay.Configuration.Model;

/// <summary>The <c>debug</c> section: debug and profiling endpoints.</summary>
public sealed class DebugConfig
{
    /// <summary><c>debug.enabled</c>: serve debug endpoints. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>debug.handler_prefix</c>: path the endpoint is served at. Default <c>/debug/pprof</c>.</summary>
    public string HandlerPrefix { get; set; } = "/debug/pprof";
}
