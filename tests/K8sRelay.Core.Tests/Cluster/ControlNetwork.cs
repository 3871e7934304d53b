using System.Collections.Concurrent;
using K8sRelay.Core.Engines;

namespace K8sRelay.Core.Tests.Cluster;

/// <summary>
/// An in-memory stand-in for a control bus that spans nodes: each <see cref="Join"/> returns one node's bus;
/// a broadcast reaches every registered node (the sender too), an addressed message only that node. Delivery is
/// synchronous and in order, which keeps the tests deterministic. Thread-safe.
/// </summary>
internal sealed class ControlNetwork
{
    private readonly ConcurrentDictionary<string, Func<byte[], ValueTask>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Messages sent so far (any node), for assertions.</summary>
    public ConcurrentQueue<(byte[] Message, string? To)> Sent { get; } = new();

    public IControlBus Join() => new Endpoint(this);

    /// <summary>Registers a raw listener under <paramref name="nodeId"/>, as a node that never answers would.</summary>
    public void Listen(string nodeId, Func<byte[], ValueTask> handler) => _handlers[nodeId] = handler;

    /// <summary>Removes a node from the network (its process is gone).</summary>
    public void Cut(string nodeId) => _handlers.TryRemove(nodeId, out _);

    public async ValueTask SendAsync(byte[] message, string? to)
    {
        Sent.Enqueue((message, to));
        foreach (var (nodeId, handler) in _handlers.ToArray())
        {
            if (to is null || to == nodeId)
            {
                await handler(message);
            }
        }
    }

    private sealed class Endpoint(ControlNetwork network) : IControlBus
    {
        public bool SpansNodes => true;

        public void RegisterControlHandler(Func<byte[], ValueTask> handler) => RegisterControlHandler(Guid.NewGuid().ToString(), handler);

        public void RegisterControlHandler(string nodeId, Func<byte[], ValueTask> handler) => network.Listen(nodeId, handler);

        public ValueTask PublishControlAsync(byte[] message, string? toNodeId, CancellationToken cancellationToken) =>
            network.SendAsync(message, toNodeId);
    }
}
