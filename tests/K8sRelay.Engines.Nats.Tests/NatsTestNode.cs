using K8sRelay.Core.Engines.Memory;
using K8sRelay.Testing.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sRelay.Engines.Nats.Tests;

/// <summary>Builds a node whose broker and control bus are a <see cref="NatsBroker"/>.</summary>
public static class NatsTestNode
{
    /// <summary>A node on <paramref name="url"/> under <paramref name="prefix"/>; with <paramref name="waitForControl"/> it returns once control subjects are subscribed.</summary>
    public static async Task<EngineNode> CreateAsync(string url, string prefix, bool waitForControl = true)
    {
        var broker = new NatsBroker(
            Options.Create(new NatsBrokerOptions { Url = url, Prefix = prefix }),
            TimeProvider.System,
            NullLogger<NatsBroker>.Instance);
        var node = new EngineNode("node-" + Guid.NewGuid().ToString("N")[..8], broker, new MemoryPresenceManager(), broker, broker.DisposeAsync);
        if (waitForControl)
        {
            await broker.WhenSubscribedAsync();
        }

        return node;
    }
}
