using System.Text;
using K8sRelay.Core.Engines;
using K8sRelay.Engines.Messages;

namespace K8sRelay.Engines.Redis.Tests;

public sealed class BrokerMessageTests
{
    [Fact]
    public void Publication_WithoutHistory_RoundTrips()
    {
        var options = new PublishOptions
        {
            ClientInfo = new ClientInfo("ü", "c", [1, 2], null),
            Tags = new Dictionary<string, string> { ["a"] = "b", ["ключ"] = "значение" },
            UseDelta = true,
        };

        var parsed = BrokerMessage.Parse(BrokerMessage.EncodePublication([9, 8, 7], options, 1_700_000_000_123));

        Assert.Equal('p', parsed.Kind);
        Assert.Equal(new StreamPosition(0, string.Empty), parsed.Position);
        Assert.True(parsed.UseDelta);
        Assert.Null(parsed.Previous);
        Assert.Equal(new byte[] { 9, 8, 7 }, parsed.Publication!.Data);
        Assert.Equal(1_700_000_000_123, parsed.Publication.Time);
        Assert.Equal("ü", parsed.Publication.Info!.User);
        Assert.Equal(new byte[] { 1, 2 }, parsed.Publication.Info.ConnInfo);
        Assert.Null(parsed.Publication.Info.ChanInfo);
        Assert.Equal("значение", parsed.Publication.Tags!["ключ"]);
    }

    [Fact]
    public void Publication_InTheHistoryScriptLayout_CarriesPositionAndPrevious()
    {
        var previous = PublicationCodec.Encode([], 1, "old"u8.ToArray(), null, null);
        var current = PublicationCodec.Encode([], 2, "new"u8.ToArray(), null, null);
        var header = Encoding.ASCII.GetBytes($"p112:abcdefgh:11:{previous.Length}:");

        var parsed = BrokerMessage.Parse([.. header, .. previous, .. current]);

        Assert.Equal(new StreamPosition(12, "abcdefgh"), parsed.Position);
        Assert.Equal(12UL, parsed.Publication!.Offset);
        Assert.Equal("new"u8.ToArray(), parsed.Publication.Data);
        Assert.Equal(11UL, parsed.Previous!.Offset);
        Assert.Equal("old"u8.ToArray(), parsed.Previous.Data);
        Assert.Null(parsed.Publication.Tags);
    }

    [Fact]
    public void JoinAndLeave_RoundTrip()
    {
        var join = BrokerMessage.Parse(BrokerMessage.EncodePresence(new ClientInfo("u", "c", null, [5]), join: true));
        var leave = BrokerMessage.Parse(BrokerMessage.EncodePresence(new ClientInfo("u", "c"), join: false));

        Assert.Equal('j', join.Kind);
        Assert.Equal(new byte[] { 5 }, join.Info!.ChanInfo);
        Assert.Equal('l', leave.Kind);
        Assert.Equal("c", leave.Info!.Client);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("p0")]
    [InlineData("p0abc:")]
    [InlineData("p00::0:5:ab")]
    public void Parse_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => BrokerMessage.Parse(Encoding.ASCII.GetBytes(text)));
}
