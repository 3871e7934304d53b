namespace K8sRelay.Core.Tests;

public sealed class StreamPositionTests
{
    [Fact]
    public void Equal_WhenOffsetAndEpochMatch()
    {
        Assert.Equal(new Engines.StreamPosition(5, "abc"), new Engines.StreamPosition(5, "abc"));
        Assert.NotEqual(new Engines.StreamPosition(5, "abc"), new Engines.StreamPosition(5, "abd"));
    }
}
