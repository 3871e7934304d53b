using System.Collections.Concurrent;
using System.Text.Json;
using K8sRelay.Core.Node;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Cluster;

/// <summary>
/// A node's part in a cluster of nodes that share an engine (Redis, NATS). Over the engine's control bus it
/// publishes the node's <c>info</c> entry every <see cref="ClusterOptions.NodeInfoInterval"/> and keeps a
/// registry of the other nodes from theirs (server API <c>info</c>, <c>centrifugo_node_num_nodes</c>); relays
/// server API commands (disconnect, unsubscribe, subscribe, refresh) to every node; asks the other nodes for
/// their channels (<c>channels</c>); and forwards emulation requests to the node that holds the session.
/// Started by <see cref="RelayNode.StartCluster"/> only when the control bus spans nodes. Thread-safe.
/// </summary>
public sealed partial class ClusterControl : IServerCommandRelay, IAsyncDisposable
{
    private readonly RelayNode _node;
    private readonly ClusterOptions _options;
    private readonly NodeRegistry _registry;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ChannelsSurvey> _surveys = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task _heartbeats = Task.CompletedTask;
    private int _started;
    private int _disposed;

    internal ClusterControl(RelayNode node, ClusterOptions options)
    {
        _node = node;
        _options = options;
        _registry = new NodeRegistry(node.Time, options.NodeInfoMaxAge);
        _logger = node.LoggerFactory.CreateLogger<ClusterControl>();
    }

    /// <summary>True once started: the node takes part in a cluster.</summary>
    public bool IsRunning => Volatile.Read(ref _started) == 1;

    /// <summary>Nodes in the cluster, this one included.</summary>
    public int NodeCount => 1 + _registry.Count;

    /// <summary>
    /// Receives emulation requests forwarded by other nodes: the session id and the command frame. Set by the
    /// transport that owns emulation sessions; while null, forwarded requests are dropped.
    /// </summary>
    public Func<string, byte[], ValueTask>? EmulationReceiver { get; set; }

    /// <summary>True when <paramref name="nodeId"/> is another node this node heard from recently.</summary>
    public bool KnowsNode(string nodeId) => _registry.Contains(nodeId);

    /// <summary>Registers on the control bus, becomes the node's command relay and starts the heartbeats. Idempotent.</summary>
    internal void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        _node.ControlBus.RegisterControlHandler(_node.Id, HandleAsync);
        _node.CommandRelay = this;
        _node.Metrics.ObserveNodeCount(() => NodeCount);
        _heartbeats = Task.Run(RunHeartbeatsAsync);
    }

    /// <inheritdoc />
    public ValueTask RelayAsync(UserCommand command, CancellationToken cancellationToken) =>
        SendAsync(new ClusterMessage { Kind = ClusterMessageKinds.Command, From = _node.Id, Command = command }, null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<NodeInfo>> OtherNodesAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_registry.Snapshot());

    /// <inheritdoc />
    /// <remarks>
    /// Asks every known node and waits up to <see cref="ClusterOptions.SurveyTimeout"/>; a node that does not
    /// answer in time is left out (and logged) rather than failing the call.
    /// </remarks>
    public async ValueTask<IReadOnlyDictionary<string, int>> OtherNodesChannelsAsync(CancellationToken cancellationToken)
    {
        var nodes = _registry.Snapshot();
        if (nodes.Count == 0)
        {
            return new Dictionary<string, int>();
        }

        var surveyId = Guid.NewGuid().ToString("N");
        var survey = new ChannelsSurvey(nodes.Select(n => n.Id));
        _surveys[surveyId] = survey;
        try
        {
            await SendAsync(new ClusterMessage { Kind = ClusterMessageKinds.ChannelsSurvey, From = _node.Id, SurveyId = surveyId }, null, cancellationToken)
                .ConfigureAwait(false);
            try
            {
                await survey.AllAnswered.WaitAsync(_options.SurveyTimeout, _node.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Log.SurveyIncomplete(_logger, string.Join(", ", survey.Missing()));
            }

            return survey.Channels();
        }
        finally
        {
            _surveys.TryRemove(surveyId, out _);
        }
    }

    /// <summary>Sends an emulation command frame to the node holding <paramref name="session"/>.</summary>
    public ValueTask ForwardEmulationAsync(string nodeId, string session, byte[] data, CancellationToken cancellationToken) =>
        SendAsync(new ClusterMessage { Kind = ClusterMessageKinds.Emulation, From = _node.Id, Session = session, Data = data }, nodeId, cancellationToken);

    /// <summary>Tells the other nodes this node leaves, so they stop listing it at once. Best effort.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning)
        {
            return;
        }

        try
        {
            await SendAsync(new ClusterMessage { Kind = ClusterMessageKinds.Leave, From = _node.Id }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.SendFailed(_logger, ClusterMessageKinds.Leave, e);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task RunHeartbeatsAsync()
    {
        using var timer = new PeriodicTimer(_options.NodeInfoInterval, _node.Time);
        var first = true;
        try
        {
            do
            {
                try
                {
                    // The first heartbeat asks everyone to answer at once, so a new node sees the cluster without waiting an interval.
                    await SendAsync(NodeInfoMessage(wantsReply: first), null, _stopping.Token).ConfigureAwait(false);
                    first = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.SendFailed(_logger, ClusterMessageKinds.NodeInfo, e);
                }
            }
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private ClusterMessage NodeInfoMessage(bool wantsReply) =>
        new() { Kind = ClusterMessageKinds.NodeInfo, From = _node.Id, Node = _node.LocalInfo(), WantsReply = wantsReply };

    private async ValueTask HandleAsync(byte[] payload)
    {
        ClusterMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(payload, ClusterJsonContext.Default.ClusterMessage);
        }
        catch (JsonException e)
        {
            Log.BadMessage(_logger, payload.Length, e.Message);
            return;
        }

        if (message is null || message.From == _node.Id)
        {
            return;
        }

        try
        {
            await DispatchAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.HandleFailed(_logger, message.Kind, message.From, e);
        }
    }

    private async ValueTask DispatchAsync(ClusterMessage message)
    {
        switch (message.Kind)
        {
            case ClusterMessageKinds.NodeInfo when message.Node is not null:
                var isNew = _registry.Update(message.Node with { Id = message.From });
                if (isNew)
                {
                    Log.NodeJoined(_logger, message.Node.Name, message.From);
                }

                if (isNew || message.WantsReply)
                {
                    await SendAsync(NodeInfoMessage(wantsReply: false), message.From, _stopping.Token).ConfigureAwait(false);
                }

                break;
            case ClusterMessageKinds.Leave:
                _registry.Remove(message.From);
                Log.NodeLeft(_logger, message.From);
                break;
            case ClusterMessageKinds.Command when message.Command is not null:
                await _node.ApplyLocallyAsync(message.Command, _stopping.Token).ConfigureAwait(false);
                break;
            case ClusterMessageKinds.ChannelsSurvey when message.SurveyId is not null:
                var channels = _node.Hub.Channels().Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal);
                await SendAsync(
                    new ClusterMessage { Kind = ClusterMessageKinds.ChannelsReply, From = _node.Id, SurveyId = message.SurveyId, Channels = channels },
                    message.From,
                    _stopping.Token).ConfigureAwait(false);
                break;
            case ClusterMessageKinds.ChannelsReply when message.SurveyId is not null:
                if (_surveys.TryGetValue(message.SurveyId, out var survey))
                {
                    survey.Add(message.From, message.Channels);
                }

                break;
            case ClusterMessageKinds.Emulation when message.Session is not null && message.Data is not null:
                if (EmulationReceiver is { } receiver)
                {
                    await receiver(message.Session, message.Data).ConfigureAwait(false);
                }

                break;
            default:
                Log.UnknownMessage(_logger, message.Kind, message.From);
                break;
        }
    }

    private ValueTask SendAsync(ClusterMessage message, string? toNodeId, CancellationToken cancellationToken) =>
        _node.ControlBus.PublishControlAsync(JsonSerializer.SerializeToUtf8Bytes(message, ClusterJsonContext.Default.ClusterMessage), toNodeId, cancellationToken);
}
