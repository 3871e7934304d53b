using System.Collections.Frozen;
using K8sRelay.Server.Grpc.Api;

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

    /// <summary>The GRPC API service whose calls <see cref="FromGrpcMethod"/> names.</summary>
    public const string GrpcApiService = "centrifugal.centrifugo.api.CentrifugoApi";

    private const string GrpcMethodPrefix = "/" + GrpcApiService + "/";

    private static readonly FrozenDictionary<string, string> GrpcMethods = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Publish"] = "publish",
        ["Broadcast"] = "broadcast",
        ["Subscribe"] = "subscribe",
        ["Unsubscribe"] = "unsubscribe",
        ["Disconnect"] = "disconnect",
        ["Refresh"] = "refresh",
        ["Presence"] = "presence",
        ["PresenceStats"] = "presence_stats",
        ["History"] = "history",
        ["HistoryRemove"] = "history_remove",
        ["Channels"] = "channels",
        ["Info"] = "info",
        ["Batch"] = "batch",
        ["RPC"] = "rpc",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The label for a GRPC call's full method name (<c>/centrifugal.centrifugo.api.CentrifugoApi/PresenceStats</c>
    /// is <c>presence_stats</c>, the same label the HTTP API uses), or null when the call is not to the GRPC API.
    /// </summary>
    public static string? FromGrpcMethod(string fullMethod)
    {
        ArgumentNullException.ThrowIfNull(fullMethod);
        if (!fullMethod.StartsWith(GrpcMethodPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return GrpcMethods.TryGetValue(fullMethod[GrpcMethodPrefix.Length..], out var known) ? known : Unknown;
    }

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

    /// <summary>The label of a method named in a request body (any letter case); <c>unknown</c> for names not in the API.</summary>
    public static string FromName(string? name) =>
        name is not null && Known.TryGetValue(name.ToLowerInvariant(), out var known) && known != "batch" && known != "drain" ? known : Unknown;

    /// <summary>The label of the method a batch or legacy command carries; <c>unknown</c> for none.</summary>
    public static string FromCommand(Command? command) => command switch
    {
        null => Unknown,
        { Publish: not null } => "publish",
        { Broadcast: not null } => "broadcast",
        { Subscribe: not null } => "subscribe",
        { Unsubscribe: not null } => "unsubscribe",
        { Disconnect: not null } => "disconnect",
        { Refresh: not null } => "refresh",
        { Presence: not null } => "presence",
        { PresenceStats: not null } => "presence_stats",
        { History: not null } => "history",
        { HistoryRemove: not null } => "history_remove",
        { Channels: not null } => "channels",
        { Info: not null } => "info",
        { Rpc: not null } => "rpc",
        _ => Unknown,
    };
}
