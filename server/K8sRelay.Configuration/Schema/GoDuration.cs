using System.Globalization;
using System.Text;

namespace K8sRelay.Configuration.Schema;

/// <summary>
/// Reads and writes durations the way Centrifugo (Go's <c>time.ParseDuration</c>) does:
/// a sequence of decimal numbers with units <c>ns</c>, <c>us</c> (or <c>µs</c>), <c>ms</c>,
/// <c>s</c>, <c>m</c>, <c>h</c>, such as <c>"500ms"</c>, <c>"1m30s"</c>, <c>"1.5h"</c> or
/// <c>"-1s"</c>. A bare integer is a number of nanoseconds, as a JSON number is for a Go
/// duration; this is how Centrifugo's <c>"ping_interval": -1</c> disables pings. Values are
/// kept as <see cref="TimeSpan"/> (100 ns resolution); a non-zero amount below 100 ns keeps its
/// sign as one tick so that <c>-1</c> stays negative.
/// </summary>
internal static class GoDuration
{
    private const decimal NanosecondsPerTick = 100m;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = "empty duration";
            return false;
        }

        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanoseconds))
        {
            value = FromNanoseconds(nanoseconds);
            return true;
        }

        var negative = false;
        var i = 0;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        if (i >= s.Length)
        {
            error = $"invalid duration \"{text}\"";
            return false;
        }

        decimal total = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var numberText = s[start..i];
            if (numberText.Length == 0 || numberText == "." ||
                !decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = $"invalid duration \"{text}\"";
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s[unitStart..i];
            if (unit.Length == 0)
            {
                error = $"missing unit in duration \"{text}\" (use ms, s, m or h, like \"25s\")";
                return false;
            }

            var scale = UnitInNanoseconds(unit);
            if (scale is null)
            {
                error = $"unknown unit \"{unit}\" in duration \"{text}\"";
                return false;
            }

            total += number * scale.Value;
            if (total > long.MaxValue)
            {
                error = $"duration \"{text}\" is too large";
                return false;
            }
        }

        var ticks = decimal.Truncate(total / NanosecondsPerTick);
        if (ticks == 0 && total > 0)
        {
            ticks = 1;
        }

        value = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
        return true;
    }

    /// <summary>Converts whole nanoseconds to a <see cref="TimeSpan"/>, keeping the sign of tiny values.</summary>
    public static TimeSpan FromNanoseconds(long nanoseconds)
    {
        var ticks = nanoseconds / 100;
        if (ticks == 0 && nanoseconds != 0)
        {
            ticks = Math.Sign(nanoseconds);
        }

        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>
    /// Writes <paramref name="value"/> in a compact Go form that <see cref="TryParse"/> and Go
    /// both read back to the same value: <c>25s</c>, <c>720h</c>, <c>1m30s</c>, <c>1s500ms</c>, <c>0s</c>.
    /// </summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Duration());
        }

        var ticks = value.Ticks;
        var builder = new StringBuilder();
        Append(builder, ticks / TimeSpan.TicksPerHour, "h");
        ticks %= TimeSpan.TicksPerHour;
        Append(builder, ticks / TimeSpan.TicksPerMinute, "m");
        ticks %= TimeSpan.TicksPerMinute;
        Append(builder, ticks / TimeSpan.TicksPerSecond, "s");
        var fractionNanoseconds = ticks % TimeSpan.TicksPerSecond * 100;
        if (fractionNanoseconds % 1_000_000 == 0)
        {
            Append(builder, fractionNanoseconds / 1_000_000, "ms");
        }
        else if (fractionNanoseconds % 1_000 == 0)
        {
            Append(builder, fractionNanoseconds / 1_000, "us");
        }
        else
        {
            Append(builder, fractionNanoseconds, "ns");
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, long amount, string unit)
    {
        if (amount != 0)
        {
            builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static decimal? UnitInNanoseconds(string unit) => unit switch
    {
        "ns" => 1m,
        "us" or "µs" or "μs" => 1_000m,
        "ms" => 1_000_000m,
        "s" => 1_000_000_000m,
        "m" => 60_000_000_000m,
        "h" => 3_600_000_000_000m,
        _ => null,
    };
}
