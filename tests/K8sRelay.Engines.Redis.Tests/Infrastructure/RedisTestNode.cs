using K8sRelay.Testing.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>Builds one node's Redis engine (own connections) as an <see cref="EngineNode"/>.</summary>
public static class RedisTestNode
{
    /// <summary>
    /// Connects a node to <paramref name="addresses"/> under <paramref name="prefix"/>. With
    /// <paramref name="waitForControl"/>, returns once the control subscriptions are active.
    /// </summary>
    public static async Task<EngineNode> CreateAsync(IReadOnlyList<string> addresses, string prefix, TimeProvider time, bool waitForControl = true)
    {
        var options = Options.Create(new RedisEngineOptions
        {
            Address = [.. addresses],
            Prefix = prefix,
            ReconnectCheckInterval = TimeSpan.FromMilliseconds(100),
        });
        var connections = new RedisConnections(options, time, NullLogger<RedisConnections>.Instance);
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
        if (waitForControl)
        {
            await control.WhenSubscribedAsync();
        }

        return node;
    }
}
