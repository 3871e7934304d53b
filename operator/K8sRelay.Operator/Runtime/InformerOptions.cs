namespace K8sRelay.Operator.Runtime;

/// <summary>Timing of list-and-watch loops.</summary>
public sealed class InformerOptions
{
    /// <summary>Server-side timeout of one watch request; the watch is then resumed from the last resourceVersion. Default 5 minutes.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First delay after a failed list or watch; doubles per consecutive failure. Default 200 ms.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Largest delay between failed attempts. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}
