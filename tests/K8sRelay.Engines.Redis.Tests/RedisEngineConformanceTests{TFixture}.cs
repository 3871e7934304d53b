using K8sRelay.Engines.Redis.Tests.Infrastructure;
using K8sRelay.Testing.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    protected override async ValueTask<EngineNode> CreateNodeAsync()
    {
        var options = Options.Create(new RedisEngineOptions
        {
            Address = [.. _fixture.Addresses],
            Prefix = _prefix,
            ReconnectCheckInterval = TimeSpan.FromMilliseconds(100),
        });
        var connections = new RedisConnections(options, _time, NullLogger<RedisConnections>.Instance);
        await connections.ConnectAsync();
        var control = new RedisControlBus(connections, NullLogger<RedisControlBus>.Instance);
        var node = new EngineNode(
            "node-" + Guid.NewGuid().ToString("N")[..8],
            new RedisBroker(connections, NullLogger<RedisBroker>.Instance),
            new RedisPresenceManager(connections),
            control,
            async () =>
            {
                await control.DisposeAsync();
                await connections.DisposeAsync();
            });
        await control.WhenSubscribedAsync();
        return node;
    }

    protected override async ValueTask AdvanceTimeAsync(TimeSpan by)
    {
        _time.Advance(by);
        await RedisTimeTravel.AdvanceAsync(_fixture, _prefix, by);
    }
}
