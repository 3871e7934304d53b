namespace K8sRelay.Core.Engines.Memory;

/// <summary>
/// <see cref="IControlBus"/> for a single node: every message goes straight back to the local handler,
/// synchronously, on the caller's thread. A message addressed to another node id is dropped (no such node
/// exists); when no node id was registered every message is delivered. Thread-safe.
/// </summary>
public sealed class MemoryControlBus : IControlBus
{
    private volatile Registration? _registration;

    /// <inheritdoc />
    public bool SpansNodes => false;

    /// <inheritdoc />
    public void RegisterControlHandler(Func<byte[], ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _registration = new Registration(null, handler);
    }

    /// <inheritdoc />
    public void RegisterControlHandler(string nodeId, Func<byte[], ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(handler);
        _registration = new Registration(nodeId, handler);
    }

    /// <inheritdoc />
    public ValueTask PublishControlAsync(byte[] message, string? toNodeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var registration = _registration;
        if (registration is null
            || (toNodeId is not null && registration.NodeId is not null && !string.Equals(toNodeId, registration.NodeId, StringComparison.Ordinal)))
        {
            return ValueTask.CompletedTask;
        }

        return registration.Handler(message);
    }

    private sealed record Registration(string? NodeId, Func<byte[], ValueTask> Handler);
}
