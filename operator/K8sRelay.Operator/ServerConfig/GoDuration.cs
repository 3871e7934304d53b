using System.Globalization;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>Go duration strings ("30s", "5m", "1h30m", "250ms") as Centrifugo configs and the spec use them.</summary>
public static class GoDuration
{
    /// <summary>Parses a Go duration with h, m, s and ms units; null when it is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            TimeSpan? part = text[unitStart..i] switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                _ => null,
            };
            if (part is null)
            {
                return null;
            }

            total += part.Value;
        }

        return total;
    }
}
