using K8sRelay.Core.Engines;
using K8sRelay.Protocol;

namespace K8sRelay.Testing.Engines;

/// <summary>
/// Recovery as the node performs it: a client that saw offset N in epoch E asks for everything after N and is
/// recovered only when E is current and offsets N+1..top come back contiguously.
/// </summary>
public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task Recovery_WithinHistory_ReturnsTheMissedPublicationsContiguously()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        await PublishNumbersAsync(Node, channel, 2);
        var seen = (await Node.Events.WaitForPublicationsAsync(channel, 2))[1].Position;

        var top = await PublishNumbersAsync(Node, channel, 3);
        var missed = await HistoryAsync(Node, channel, limit: -1, seen);

        Assert.Equal([3UL, 4UL, 5UL], missed.Publications.Select(p => p.Offset));
        Assert.Equal(top.Position, missed.Position);
        Assert.Equal(seen.Offset + (ulong)missed.Publications.Count, missed.Position.Offset);
    }

    [Fact]
    public async Task Recovery_AtTheTop_ReturnsNothingAndTheSamePosition()
    {
        var channel = NewChannel();
        var top = await PublishNumbersAsync(Node, channel, 3);

        var result = await HistoryAsync(Node, channel, limit: -1, top.Position);

        Assert.Empty(result.Publications);
        Assert.Equal(top.Position, result.Position);
    }

    [Fact]
    public async Task Recovery_AfterTheStreamWasLost_FailsWithUnrecoverablePosition()
    {
        var channel = NewChannel();
        var options = WithHistory(ttl: TimeSpan.FromMinutes(1), metaTtl: TimeSpan.FromMinutes(2));
        var seen = await PublishNumbersAsync(Node, channel, 2, options);

        await AdvanceTimeAsync(TimeSpan.FromMinutes(3));

        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await HistoryAsync(Node, channel, limit: 0, seen.Position));
        Assert.Equal(ErrorCodes.UnrecoverablePosition, error.Error.Code);
    }
}
