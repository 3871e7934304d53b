using K8sRelay.Engines.Redis.Tests.Infrastructure;
using K8sRelay.Testing.Engines;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>
/// Runs the engine conformance suite, two-node scenarios included, against one Redis topology. Each test gets its own
/// key prefix and clock; nodes are separate engine instances (own connections) sharing the Redis deployment.
/// </summary>
/// <typeparam name="TFixture">The topology.</typeparam>
[Trait("Category", "Integration")]
public abstract class RedisEngineConformanceTests<TFixture> : MultiNodeEngineConformanceTests, IClassFixture<TFixture>
    where TFixture : RedisTopologyFixture
{
    private readonly TFixture _fixture;
    private readonly ShiftableTimeProvider _time = new();
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    protected RedisEngineConformanceTests(TFixture fixture) => _fixture = fixture;

    protected override async ValueTask<EngineNode> CreateNodeAsync() =>
        await RedisTestNode.CreateAsync(_fixture.Addresses, _prefix, _time);

    protected override async ValueTask AdvanceTimeAsync(TimeSpan by)
    {
        _time.Advance(by);
        await RedisTimeTravel.AdvanceAsync(_fixture, _prefix, by);
    }
}
