using K8sRelay.Operator.Diagnostics;

namespace K8sRelay.Operator.Runtime;

/// <summary>Log messages of <see cref="Informer{T, TList}"/> (a generic type, hence a class of its own).</summary>
internal static partial class InformerLog
{
    [LoggerMessage(EventIds.InformerListed, LogLevel.Debug, "Listed {Count} {Kind} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string kind, int count, string resourceVersion);

    [LoggerMessage(EventIds.InformerWatchEnded, LogLevel.Debug, "Watch of {Kind} ended; resuming from resourceVersion {ResourceVersion}")]
    public static partial void WatchEnded(ILogger logger, string kind, string resourceVersion);

    [LoggerMessage(EventIds.InformerWatchExpired, LogLevel.Information, "Watch of {Kind} expired at resourceVersion {ResourceVersion}; listing again")]
    public static partial void WatchExpired(ILogger logger, string kind, string? resourceVersion);

    [LoggerMessage(EventIds.InformerFailed, LogLevel.Warning, "List or watch of {Kind} failed; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, string kind, TimeSpan delay, Exception exception);
}
