using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>Writes and reads TimeSpan values as Go duration strings ("30s", "5m", "720h", "1m30s", "250ms"), as Centrifugo configs use them.</summary>
internal sealed class GoDurationConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return TimeSpan.FromSeconds(reader.GetDouble());
        }

        var text = reader.GetString() ?? "";
        return Parse(text) ?? throw new JsonException($"'{text}' is not a duration such as 30s, 5m or 1h30m.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));

    /// <summary>Formats a duration the way Go prints it for whole units.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var text = "";
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            text += hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (value.Minutes > 0)
        {
            text += value.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (value.Seconds > 0)
        {
            text += value.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return text;
    }

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
