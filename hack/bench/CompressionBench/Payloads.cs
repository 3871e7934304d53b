using System.Globalization;
using System.Text;

namespace CompressionBench;

/// <summary>Realistic JSON payloads: market quotes with a few changing numbers and repeated field names.</summary>
internal static class Payloads
{
    private static readonly string[] Symbols = ["AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "NFLX"];

    public static string Quote(int n)
    {
        var random = new Random(n);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{{\"type\":\"quote_update\",\"sequence\":{n},\"quotes\":[");
        for (var i = 0; i < Symbols.Length; i++)
        {
            var bid = 100 + (random.NextDouble() * 400);
            text.Append(CultureInfo.InvariantCulture,
                $"{(i > 0 ? "," : string.Empty)}{{\"symbol\":\"{Symbols[i]}\",\"bid\":{bid:F2},\"ask\":{bid + 0.05:F2},\"volume\":{random.Next(1000, 900000)},\"exchange\":\"NASDAQ\",\"currency\":\"USD\"}}");
        }

        text.Append("],\"source\":\"bench\"}");
        return text.ToString();
    }
}
