using System.Collections.Frozen;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// The server API methods metric labels and span names may carry. Anything else in a request path becomes
/// <c>unknown</c>, so random paths cannot blow up the number of metric series.
/// </summary>
internal static class ApiMethodNames
{
    /// <summary>The label for requests to the legacy endpoint (the method is in the body).</summary>
    public const string Legacy = "legacy";

    /// <summary>The label for paths that name no known method.</summary>
    public const string Unknown = "unknown";

    private static readonly FrozenSet<string> Known = new[]
    {
        "publish", "broadcast", "subscribe", "unsubscribe", "disconnect", "refresh", "presence", "presence_stats",
        "history", "history_remove", "channels", "info", "batch", "rpc", "drain",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The label for an API request path below <paramref name="prefix"/>, or null when it is not an API path.</summary>
    public static string? FromPath(PathString path, PathString prefix)
    {
        if (!path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest))
        {
            return null;
        }

        var method = rest.Value?.Trim('/') ?? string.Empty;
        if (method.Length == 0)
        {
            return Legacy;
        }

        return Known.TryGetValue(method, out var known) ? known : Unknown;
    }
}
