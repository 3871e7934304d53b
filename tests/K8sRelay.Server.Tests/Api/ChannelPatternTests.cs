using K8sRelay.Server.Api;

namespace K8sRelay.Server.Tests.Api;

/// <summary>The glob patterns of the <c>channels</c> method.</summary>
public sealed class ChannelPatternTests
{
    [Theory]
    [InlineData("*", "anything:at#all", true)]
    [InlineData("chat:*", "chat:room", true)]
    [InlineData("chat:*", "news:room", false)]
    [InlineData("chat:?", "chat:a", true)]
    [InlineData("chat:?", "chat:ab", false)]
    [InlineData("room[12]", "room2", true)]
    [InlineData("room[!12]", "room2", false)]
    [InlineData("room[a-c]", "roomb", true)]
    [InlineData("{chat,news}:x", "news:x", true)]
    [InlineData("{chat,news}:x", "feed:x", false)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("a.b", "axb", false)]
    public void Matches(string pattern, string channel, bool expected)
    {
        Assert.True(ChannelPattern.TryCreate(pattern, out var compiled, out _));
        Assert.Equal(expected, compiled.IsMatch(channel));
    }

    [Theory]
    [InlineData("room[12")]
    [InlineData("{a,b")]
    [InlineData("a}")]
    [InlineData("room[]")]
    [InlineData("trailing\\")]
    public void InvalidPatterns_Rejected(string pattern)
    {
        Assert.False(ChannelPattern.TryCreate(pattern, out _, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }
}
