namespace K8sRelay.Configuration.Model;

/// <summary>The <c>log</c> section.</summary>
public sealed class LogConfig
{
    /// <summary><c>log.level</c>: one of <c>none</c>, <c>trace</c>, <c>debug</c>, <c>info</c>, <c>warn</c>, <c>error</c>. Default <c>info</c>.</summary>
    public string Level { get; set; } = "info";

    /// <summary><c>log.file</c>: path of a log file. Default empty (log to standard output).</summary>
    public string File { get; set; } = "";

    /// <summary>
    /// <c>log.format</c> (K8sRelay): <c>text</c> writes one human-readable line per entry, <c>json</c> one JSON
    /// object per line for log collectors. Default <c>text</c>.
    /// </summary>
    public string Format { get; set; } = "text";
}
