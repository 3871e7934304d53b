using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// The log output format: with <c>log.format: json</c> every entry is one JSON object per line (timestamp in
/// UTC, level, category, event id, message and the message's named values) for log collectors; otherwise the
/// one-line text format stays. Levels follow <c>log.level</c> as before. Messages carry identifiers (client,
/// user, channel) but never tokens, keys or payloads.
/// </summary>
internal static class RelayLogging
{
    /// <summary>The <c>log.format</c> value that selects JSON.</summary>
    public const string JsonFormat = "json";

    public static void Configure(ILoggingBuilder logging, LogConfig log)
    {
        // Readiness failures are logged by the checks themselves, once, at the right level.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
        if (!string.Equals(log.Format, JsonFormat, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.IncludeScopes = false;
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
    }
}
