using K8sRelay.Core.Engines.Memory;
using K8sRelay.Testing.Engines;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

// Not K8sRelay.Core.Tests.Engines.*: that namespace would shadow the K8sRelay.Core.Engines prefix used by other tests here.
namespace K8sRelay.Core.Tests.MemoryEngine;

/// <summary>Runs the engine conformance suite against the memory engine (single node).</summary>
public sealed class MemoryEngineConformanceTests : EngineConformanceTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    protected override ValueTask<EngineNode> CreateNodeAsync()
    {
        var broker = new MemoryBroker(Options.Create(new MemoryEngineOptions()), _time);
        var node = new EngineNode("memory-node", broker, new MemoryPresenceManager(), new MemoryControlBus(), () =>
        {
            broker.Dispose();
            return ValueTask.CompletedTask;
        });
        return ValueTask.FromResult(node);
    }

    protected override ValueTask AdvanceTimeAsync(TimeSpan by)
    {
        _time.Advance(by);
        return ValueTask.CompletedTask;
    }
}
