namespace K8sRelay.Server.Hosting;

/// <summary>Maps Centrifugo's <c>log.level</c> to .NET log levels.</summary>
internal static class LogLevels
{
    public static LogLevel From(string level) => level.ToLowerInvariant() switch
    {
        "none" => LogLevel.None,
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
