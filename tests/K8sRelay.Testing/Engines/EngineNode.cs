using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>
/// One node's view of an engine under test: its broker, presence manager and control bus, with recording
/// handlers already registered. Disposing it stops what the factory started for this node.
/// </summary>
public sealed class EngineNode : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    /// <summary>Wires recording handlers to the given engine parts.</summary>
    /// <param name="nodeId">Node id registered with the control bus.</param>
    /// <param name="broker">The broker.</param>
    /// <param name="presence">The presence manager.</param>
    /// <param name="controlBus">The control bus.</param>
    /// <param name="dispose">Stops this node's engine parts.</param>
    public EngineNode(string nodeId, IBroker broker, IPresenceManager presence, IControlBus controlBus, Func<ValueTask> dispose)
    {
        NodeId = nodeId;
        Broker = broker;
        Presence = presence;
        ControlBus = controlBus;
        _dispose = dispose;
        broker.RegisterEventHandler(Events);
        controlBus.RegisterControlHandler(nodeId, message =>
        {
            ControlMessages.Add(message);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>This node's id.</summary>
    public string NodeId { get; }

    /// <summary>The broker.</summary>
    public IBroker Broker { get; }

    /// <summary>The presence manager.</summary>
    public IPresenceManager Presence { get; }

    /// <summary>The control bus.</summary>
    public IControlBus ControlBus { get; }

    /// <summary>What the broker delivered to this node.</summary>
    public RecordingBrokerEventHandler Events { get; } = new();

    /// <summary>Control messages this node received.</summary>
    public EventLog<byte[]> ControlMessages { get; } = new();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dispose();
}
