using System.Globalization;

namespace K8sRelay.Configuration.Schema;

/// <summary>Parses scalar values given as text (environment variables, flags, quoted file values).</summary>
internal static class ConfigValueParser
{
    /// <summary>
    /// Parses a boolean like Go's <c>strconv.ParseBool</c>, ignoring case: <c>1</c>, <c>t</c>,
    /// <c>true</c> are true; <c>0</c>, <c>f</c>, <c>false</c> are false.
    /// </summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "1" or "t" or "true":
                value = true;
                return true;
            case "0" or "f" or "false":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// Parses <paramref name="text"/> as a scalar of <paramref name="kind"/>. Returns the value,
    /// or null with <paramref name="error"/> describing the problem.
    /// </summary>
    public static object? ParseScalar(ConfigValueKind kind, string text, out string? error)
    {
        error = null;
        switch (kind)
        {
            case ConfigValueKind.String:
                return text;
            case ConfigValueKind.Bool:
                if (TryParseBool(text, out var flag))
                {
                    return flag;
                }

                error = $"expected a boolean (true/false/1/0), got \"{text}\"";
                return null;
            case ConfigValueKind.Int:
                if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                error = $"expected an integer, got \"{text}\"";
                return null;
            case ConfigValueKind.Long:
                if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var longNumber))
                {
                    return longNumber;
                }

                error = $"expected an integer, got \"{text}\"";
                return null;
            case ConfigValueKind.Duration:
                if (GoDuration.TryParse(text, out var duration, out var durationError))
                {
                    return duration;
                }

                error = durationError;
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar kind.");
        }
    }

    /// <summary>Splits a space-separated list, as Centrifugo reads <c>[]string</c> environment variables.</summary>
    public static List<string> SplitList(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
