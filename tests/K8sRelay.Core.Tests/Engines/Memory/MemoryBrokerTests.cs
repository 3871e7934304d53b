using K8sRelay.Core.Engines;
using K8sRelay.Core.Engines.Memory;
using K8sRelay.Testing.Engines;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

// Not K8sRelay.Core.Tests.Engines.*: that namespace would shadow the K8sRelay.Core.Engines prefix used by other tests here.
namespace K8sRelay.Core.Tests.MemoryEngine;

public sealed class MemoryBrokerTests : IDisposable
{
    private static readonly PublishOptions History = new() { HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(1), HistoryMetaTtl = TimeSpan.FromMinutes(10) };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly MemoryBroker _broker;
    private readonly RecordingBrokerEventHandler _events = new();

    public MemoryBrokerTests()
    {
        _broker = new MemoryBroker(Options.Create(new MemoryEngineOptions { CleanupInterval = TimeSpan.FromSeconds(10) }), _time);
        _broker.RegisterEventHandler(_events);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _broker.Dispose();

    [Fact]
    public async Task Epoch_IsEightAsciiLetters()
    {
        var result = await _broker.PublishAsync("ch", [1], History, Ct);

        Assert.Equal(8, result.Position.Epoch.Length);
        Assert.All(result.Position.Epoch, c => Assert.True(char.IsAsciiLetter(c)));
    }

    [Fact]
    public async Task PublishAsync_DeliversBeforeItReturns()
    {
        await _broker.SubscribeAsync("ch", Ct);

        var pending = _broker.PublishAsync("ch", [1], History, Ct);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Single(_events.PublicationsIn("ch"));
        Assert.Equal(1UL, (await pending).Position.Offset);
    }

    [Fact]
    public async Task PublishAsync_WithAnAsyncHandler_CompletesAfterTheHandler()
    {
        var handler = new GatedHandler();
        _broker.RegisterEventHandler(handler);
        await _broker.SubscribeAsync("ch", Ct);

        var pending = _broker.PublishAsync("ch", [1], History, Ct).AsTask();

        Assert.False(pending.IsCompleted);
        handler.Gate.SetResult();
        Assert.Equal(1UL, (await pending).Position.Offset);
    }

    [Fact]
    public async Task Cleanup_AfterMetaTtl_ForgetsTheStream()
    {
        await _broker.PublishAsync("ch", [1], History, Ct);
        Assert.Equal(1, _broker.StreamCount);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, _broker.StreamCount);
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(10));

        Assert.Equal(0, _broker.StreamCount);
    }

    [Fact]
    public async Task Cleanup_AfterHistoryTtl_EmptiesTheStreamButKeepsItsMeta()
    {
        var published = await _broker.PublishAsync("ch", [1], History, Ct);

        _time.Advance(TimeSpan.FromSeconds(70));

        Assert.Equal(1, _broker.StreamCount);
        var history = await _broker.HistoryAsync("ch", new HistoryOptions(new HistoryFilter(null, -1, false)), Ct);
        Assert.Empty(history.Publications);
        Assert.Equal(published.Position, history.Position);
    }

    [Fact]
    public async Task Cleanup_AfterTheirTtl_ForgetsIdempotentResults()
    {
        await _broker.PublishAsync("ch", [1], new PublishOptions { IdempotencyKey = "k", IdempotentResultTtl = TimeSpan.FromSeconds(30) }, Ct);
        Assert.Equal(1, _broker.IdempotentResultCount);

        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(0, _broker.IdempotentResultCount);
    }

    [Fact]
    public async Task HistoryAsync_WithMetaTtl_KeepsAStreamCreatedByAReadForThatLong()
    {
        var created = await _broker.HistoryAsync("ch", new HistoryOptions(new HistoryFilter(null, 0, false), TimeSpan.FromMinutes(5)), Ct);

        _time.Advance(TimeSpan.FromMinutes(4));
        var stillThere = await _broker.HistoryAsync("ch", new HistoryOptions(new HistoryFilter(null, 0, false), TimeSpan.FromMinutes(5)), Ct);
        _time.Advance(TimeSpan.FromMinutes(6));
        var recreated = await _broker.PublishAsync("ch", [1], History, Ct);

        Assert.Equal(created.Position, stillThere.Position);
        Assert.NotEqual(created.Position.Epoch, recreated.Position.Epoch);
    }

    [Fact]
    public async Task History_ShrinkingTheSize_KeepsTheNewest()
    {
        for (var i = 0; i < 5; i++)
        {
            await _broker.PublishAsync("ch", [(byte)i], History, Ct);
        }

        await _broker.PublishAsync("ch", [5], History with { HistorySize = 2 }, Ct);

        var history = await _broker.HistoryAsync("ch", new HistoryOptions(new HistoryFilter(null, -1, false)), Ct);
        Assert.Equal([5UL, 6UL], history.Publications.Select(p => p.Offset));
    }

    private sealed class GatedHandler : IBrokerEventHandler
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask HandlePublicationAsync(string channel, Publication publication, StreamPosition position, bool useDelta, Publication? previous) => new(Gate.Task);

        public ValueTask HandleJoinAsync(string channel, ClientInfo info) => ValueTask.CompletedTask;

        public ValueTask HandleLeaveAsync(string channel, ClientInfo info) => ValueTask.CompletedTask;
    }
}
