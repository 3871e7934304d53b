using System.Globalization;

namespace K8sRelay.Server.Cli;

/// <summary>Whole seconds written the way Go prints a duration: <c>168h0m0s</c>, <c>1m30s</c>, <c>45s</c>, <c>0s</c>.</summary>
internal static class GoDurationText
{
    public static string FromSeconds(long seconds)
    {
        if (seconds < 0)
        {
            return "-" + FromSeconds(-seconds);
        }

        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours}h{minutes}m{rest}s")
            : minutes > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m{rest}s")
                : string.Create(CultureInfo.InvariantCulture, $"{rest}s");
    }
}
