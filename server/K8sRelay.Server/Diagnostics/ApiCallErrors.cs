using System.Globalization;
using Grpc.Core;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// Carries the API error code of one server API call from where the answer is made to the telemetry that
/// counts it (<see cref="ApiTelemetryMiddleware"/>, <see cref="Grpc.GrpcApiTelemetryInterceptor"/>), so an error
/// answered inside a successful response (<c>{"error":{"code":102,…}}</c>) is counted like one answered with
/// an error status.
/// </summary>
internal static class ApiCallErrors
{
    private static readonly object Key = new();

    /// <summary>The HTTP API call answers with API error <paramref name="code"/>.</summary>
    public static void Mark(HttpContext context, uint code) => context.Items[Key] = code;

    /// <summary>The GRPC API call answers with API error <paramref name="code"/>.</summary>
    public static void Mark(ServerCallContext context, uint code) => context.UserState[Key] = code;

    /// <summary>The API error code the HTTP API call answered with, or null.</summary>
    public static uint? Of(HttpContext context) => context.Items.TryGetValue(Key, out var code) ? (uint?)code : null;

    /// <summary>The API error code the GRPC API call answered with, or null.</summary>
    public static uint? Of(ServerCallContext context) => context.UserState.TryGetValue(Key, out var code) ? (uint?)code : null;

    /// <summary>The <c>error</c> label of an API error code.</summary>
    public static string Label(uint code) => code.ToString(CultureInfo.InvariantCulture);
}
