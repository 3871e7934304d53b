using K8sRelay.Testing.Engines;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Engines.Nats.Tests;

/// <summary>The broker conformance scenarios (publish/subscribe, join/leave, control) on a real nats-server.</summary>
[Trait("Category", "Integration")]
public sealed class NatsBrokerConformanceTests(NatsServerFixture nats) : BrokerConformanceTests, IClassFixture<NatsServerFixture>
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    protected override async ValueTask<EngineNode> CreateNodeAsync() => await NatsTestNode.CreateAsync(nats.Url, _prefix);
}
