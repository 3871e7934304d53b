using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Tests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("500ms", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("25s", 25 * TimeSpan.TicksPerSecond)]
    [InlineData("12h", 12 * TimeSpan.TicksPerHour)]
    [InlineData("720h", 720 * TimeSpan.TicksPerHour)]
    [InlineData("1m30s", 90 * TimeSpan.TicksPerSecond)]
    [InlineData("1h2m3s4ms", TimeSpan.TicksPerHour + 2 * TimeSpan.TicksPerMinute + 3 * TimeSpan.TicksPerSecond + 4 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1.5s", 15 * TimeSpan.TicksPerSecond / 10)]
    [InlineData("-1s", -TimeSpan.TicksPerSecond)]
    [InlineData("+2m", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("10us", 100)]
    [InlineData("300ns", 3)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("-1", -1)]
    [InlineData("25000000000", 25 * TimeSpan.TicksPerSecond)]
    public void TryParse_GoSyntax_Parses(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(expectedTicks, value.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1.5")]
    [InlineData("10 s")]
    [InlineData("5d")]
    [InlineData("abc")]
    [InlineData("1h-2m")]
    public void TryParse_Malformed_Fails(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(25 * TimeSpan.TicksPerSecond, "25s")]
    [InlineData(720 * TimeSpan.TicksPerHour, "720h")]
    [InlineData(90 * TimeSpan.TicksPerSecond, "1m30s")]
    [InlineData(1500 * TimeSpan.TicksPerMillisecond, "1s500ms")]
    [InlineData(-TimeSpan.TicksPerSecond, "-1s")]
    [InlineData(-1, "-100ns")]
    [InlineData(15, "1500ns")]
    [InlineData(120, "12us")]
    public void Format_WritesCompactGoForm_ThatParsesBack(long ticks, string expected)
    {
        var text = GoDuration.Format(TimeSpan.FromTicks(ticks));

        Assert.Equal(expected, text);
        Assert.True(GoDuration.TryParse(text, out var back, out _));
        Assert.Equal(ticks, back.Ticks);
    }
}
