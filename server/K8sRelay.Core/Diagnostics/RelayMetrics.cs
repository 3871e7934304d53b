using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// The node's metrics on <see cref="System.Diagnostics.Metrics"/>, with Centrifugo's names and labels (see
/// <see cref="MetricNames"/>). Gauges are read from the node when a collector asks; counters and histograms are
/// recorded by the call sites through the methods below, which cost next to nothing while nobody listens.
/// Each node owns one meter (named <see cref="MeterName"/>, scoped to the node), so several nodes in one
/// process keep their numbers apart. Thread-safe.
/// </summary>
public sealed class RelayMetrics : IDisposable
{
    /// <summary>Name of the meter every node creates.</summary>
    public const string MeterName = "K8sRelay";

    private static readonly ConcurrentDictionary<uint, string> CodeTexts = new();

    private static readonly InstrumentAdvice<double> LatencyBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Centrifugo's buckets of the ping/pong duration.</summary>
    private static readonly InstrumentAdvice<double> PingPongBuckets = new()
    {
        HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private static readonly KeyValuePair<string, object?> RecoveredYes = new("recovered", "yes");
    private static readonly KeyValuePair<string, object?> RecoveredNo = new("recovered", "no");
    private static readonly KeyValuePair<string, object?> HasPublicationsYes = new("has_recovered_publications", "yes");
    private static readonly KeyValuePair<string, object?> HasPublicationsNo = new("has_recovered_publications", "no");

    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _messagesReceived;
    private readonly Counter<long> _replyErrors;
    private readonly Counter<long> _serverDisconnects;
    private readonly Counter<long> _serverUnsubscribes;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _connectionsAccepted;
    private readonly UpDownCounter<long> _connectionsInflight;
    private readonly Counter<long> _transportSent;
    private readonly Counter<long> _transportSentSize;
    private readonly Counter<long> _transportReceived;
    private readonly Counter<long> _transportReceivedSize;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _apiErrors;
    private readonly Histogram<double> _proxyDuration;
    private readonly Counter<long> _proxyErrors;
    private readonly UpDownCounter<long> _subscriptionsInflight;
    private readonly Counter<long> _recover;
    private readonly Histogram<double> _pingPong;
    private readonly Counter<long> _actions;
    private readonly ConcurrentDictionary<string, KeyValuePair<string, object?>> _actionTags = new(StringComparer.Ordinal);
    private Func<int> _nodeCount = static () => 1;

    /// <summary>Creates the meter of <paramref name="node"/> and its instruments.</summary>
    public RelayMetrics(RelayNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Meter = new Meter(new MeterOptions(MeterName) { Version = NodeVersion.Current, Scope = node });
        var hub = node.Hub;
        Meter.CreateObservableGauge(MetricNames.NumClients, () => (long)hub.ClientCount, description: "Number of clients connected to this node.");
        Meter.CreateObservableGauge(MetricNames.NumUsers, () => (long)hub.UserCount, description: "Number of unique users connected to this node.");
        Meter.CreateObservableGauge(MetricNames.NumChannels, () => (long)hub.ChannelCount, description: "Number of channels with one or more subscribers on this node.");
        Meter.CreateObservableGauge(MetricNames.NumSubscriptions, () => (long)hub.SubscriptionCount, description: "Number of subscriptions on this node.");
        Meter.CreateObservableGauge(MetricNames.NumNodes, () => (long)_nodeCount(), description: "Number of nodes in the cluster.");
        Meter.CreateObservableGauge(
            MetricNames.Build,
            static () => new Measurement<long>(1, new KeyValuePair<string, object?>("version", NodeVersion.Current)),
            description: "Node build info.");
        Meter.CreateObservableGauge(MetricNames.ClientConnectionLimit, () => (long)node.Config.Client.ConnectionLimit, description: "Limit of client connections on this node (0: none).");
        Meter.CreateObservableGauge(MetricNames.Draining, () => node.IsDraining ? 1L : 0L, description: "1 while the node drains its connections.");

        _messagesSent = Meter.CreateCounter<long>(MetricNames.MessagesSent, description: "Number of messages sent by this node to the broker.");
        _messagesReceived = Meter.CreateCounter<long>(MetricNames.MessagesReceived, description: "Number of messages received by this node from the broker.");
        _replyErrors = Meter.CreateCounter<long>(MetricNames.ReplyErrors, description: "Number of errors in replies sent to clients.");
        _serverDisconnects = Meter.CreateCounter<long>(MetricNames.ServerDisconnects, description: "Number of server-side disconnects.");
        _serverUnsubscribes = Meter.CreateCounter<long>(MetricNames.ServerUnsubscribes, description: "Number of server-side unsubscribes.");
        _commandDuration = Meter.CreateHistogram(MetricNames.CommandDuration, unit: "s", description: "Client command duration.", tags: null, advice: LatencyBuckets);
        _connectionsAccepted = Meter.CreateCounter<long>(MetricNames.ConnectionsAccepted, description: "Number of accepted client connections.");
        _connectionsInflight = Meter.CreateUpDownCounter<long>(MetricNames.ConnectionsInflight, description: "Number of client connections currently open.");
        _transportSent = Meter.CreateCounter<long>(MetricNames.TransportMessagesSent, description: "Number of messages sent to clients over transports.");
        _transportSentSize = Meter.CreateCounter<long>(MetricNames.TransportMessagesSentSize, description: "Bytes of messages sent to clients over transports.");
        _transportReceived = Meter.CreateCounter<long>(MetricNames.TransportMessagesReceived, description: "Number of messages received from clients over transports.");
        _transportReceivedSize = Meter.CreateCounter<long>(MetricNames.TransportMessagesReceivedSize, description: "Bytes of messages received from clients over transports.");
        _apiDuration = Meter.CreateHistogram(MetricNames.ApiCommandDuration, unit: "s", description: "Server API command duration.", tags: null, advice: LatencyBuckets);
        _apiErrors = Meter.CreateCounter<long>(MetricNames.ApiCommandErrors, description: "Number of server API command errors.");
        _proxyDuration = Meter.CreateHistogram(MetricNames.ProxyDuration, unit: "s", description: "Proxy call duration.", tags: null, advice: LatencyBuckets);
        _proxyErrors = Meter.CreateCounter<long>(MetricNames.ProxyErrors, description: "Number of failed proxy calls.");
        _subscriptionsInflight = Meter.CreateUpDownCounter<long>(MetricNames.SubscriptionsInflight, description: "Number of inflight client subscriptions.");
        _recover = Meter.CreateCounter<long>(MetricNames.Recover, description: "Count of recover operations with success/fail resolution.");
        _pingPong = Meter.CreateHistogram(MetricNames.PingPongDuration, unit: "s", description: "Ping/Pong duration in seconds.", tags: null, advice: PingPongBuckets);
        _actions = Meter.CreateCounter<long>(MetricNames.ActionCount, description: "Number of various actions called.");
    }

    /// <summary>The <c>client_name</c>/<c>client_version</c> labels in use on this node.</summary>
    public ClientMetricLabels.Cache ClientLabels { get; } = ClientMetricLabels.CreateCache();

    /// <summary>The node's meter; exporters listen to it by <see cref="MeterName"/> and tell nodes apart by instance.</summary>
    public Meter Meter { get; }

    /// <summary>
    /// Sets where <c>centrifugo_node_num_nodes</c> comes from (the cluster's node registry, once there is one);
    /// until then the node counts only itself.
    /// </summary>
    public void ObserveNodeCount(Func<int> nodeCount)
    {
        ArgumentNullException.ThrowIfNull(nodeCount);
        _nodeCount = nodeCount;
    }

    /// <summary>A message of <paramref name="type"/> (<c>publication</c>, <c>join</c>, <c>leave</c>) went to the broker.</summary>
    public void MessageSent(string type) => _messagesSent.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>A message of <paramref name="type"/> arrived from the broker.</summary>
    public void MessageReceived(string type) => _messagesReceived.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>A client command of <paramref name="method"/> got an error reply with <paramref name="code"/>.</summary>
    public void ReplyError(string method, uint code) =>
        _replyErrors.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("code", CodeText(code)));

    /// <summary>A client command got an error reply with <paramref name="code"/>.</summary>
    public void ReplyError(Command command, uint code) => ReplyError(CommandNames.Of(command), code);

    /// <summary>
    /// A connection closed with <paramref name="code"/>; counted as a server disconnect unless the client went
    /// away by itself (3000).
    /// </summary>
    public void ConnectionClosed(uint code)
    {
        if (code != 3000)
        {
            _serverDisconnects.Add(1, new KeyValuePair<string, object?>("code", CodeText(code)));
        }
    }

    /// <summary>The server unsubscribed a client with <paramref name="code"/>.</summary>
    public void ServerUnsubscribe(uint code) => _serverUnsubscribes.Add(1, new KeyValuePair<string, object?>("code", CodeText(code)));

    /// <summary>A client command finished; <paramref name="startedAt"/> is a <see cref="Stopwatch.GetTimestamp"/> value.</summary>
    public void CommandProcessed(Command command, long startedAt)
    {
        if (_commandDuration.Enabled)
        {
            _commandDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("method", CommandNames.Of(command)));
        }
    }

    /// <summary>A connection over <paramref name="transport"/> completed connect.</summary>
    public void ClientConnected(string transport) => ClientConnected(transport, ClientMetricLabels.Unnamed);

    /// <summary>A connection over <paramref name="transport"/> with <paramref name="labels"/> completed connect.</summary>
    public void ClientConnected(string transport, ClientMetricLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var tag = new KeyValuePair<string, object?>("transport", transport);
        _connectionsAccepted.Add(1, tag, labels.NameTag, labels.VersionTag);
        _connectionsInflight.Add(1, tag, labels.NameTag, labels.VersionTag);
        Action(NodeActions.AddClient);
    }

    /// <summary>A connection over <paramref name="transport"/> that had completed connect closed.</summary>
    public void ClientDisconnected(string transport) => ClientDisconnected(transport, ClientMetricLabels.Unnamed);

    /// <summary>A connection over <paramref name="transport"/> with <paramref name="labels"/> that had completed connect closed.</summary>
    public void ClientDisconnected(string transport, ClientMetricLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _connectionsInflight.Add(-1, new KeyValuePair<string, object?>("transport", transport), labels.NameTag, labels.VersionTag);
        Action(NodeActions.RemoveClient);
    }

    /// <summary>A connection with <paramref name="labels"/> registered a subscription on the node.</summary>
    public void SubscriptionAdded(ClientMetricLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _subscriptionsInflight.Add(1, labels.NameTag);
        Action(NodeActions.AddSubscription);
    }

    /// <summary>A subscription of a connection with <paramref name="labels"/> was removed from the node.</summary>
    public void SubscriptionRemoved(ClientMetricLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _subscriptionsInflight.Add(-1, labels.NameTag);
        Action(NodeActions.RemoveSubscription);
    }

    /// <summary>A subscribe asked for recovery; <paramref name="recovered"/> tells whether it succeeded.</summary>
    /// <param name="recovered">True when the missed publications could be recovered.</param>
    /// <param name="hasPublications">True when the recovery returned publications.</param>
    public void Recovery(bool recovered, bool hasPublications) =>
        _recover.Add(1, recovered ? RecoveredYes : RecoveredNo, hasPublications ? HasPublicationsYes : HasPublicationsNo);

    /// <summary>The pong for a ping over <paramref name="transport"/> arrived <paramref name="duration"/> after the ping.</summary>
    public void PingPong(string transport, TimeSpan duration) =>
        _pingPong.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("transport", transport));

    /// <summary>The node performed <paramref name="action"/> (one of <see cref="NodeActions"/>).</summary>
    public void Action(string action)
    {
        if (_actions.Enabled)
        {
            _actions.Add(1, _actionTags.GetOrAdd(action, static a => new KeyValuePair<string, object?>("action", a)));
        }
    }

    /// <summary>
    /// A batch of encoded messages is being written to a client over <paramref name="transport"/>;
    /// <paramref name="types"/> says what each message is (same order). Runs of one type are counted together.
    /// </summary>
    public void MessagesWritten(string transport, IReadOnlyList<byte[]> messages, IReadOnlyList<FrameType> types)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(types);
        if (!_transportSent.Enabled && !_transportSentSize.Enabled)
        {
            return;
        }

        var runStart = 0;
        for (var i = 1; i <= messages.Count; i++)
        {
            if (i < messages.Count && types[i] == types[runStart])
            {
                continue;
            }

            long bytes = 0;
            for (var j = runStart; j < i; j++)
            {
                bytes += messages[j].Length;
            }

            var transportTag = new KeyValuePair<string, object?>("transport", transport);
            var frameTag = new KeyValuePair<string, object?>("frame_type", types[runStart].Label());
            _transportSent.Add(i - runStart, transportTag, frameTag);
            _transportSentSize.Add(bytes, transportTag, frameTag);
            runStart = i;
        }
    }

    /// <summary>
    /// A client frame of <paramref name="frameBytes"/> bytes carrying <paramref name="commands"/> arrived over
    /// <paramref name="transport"/>. Each command counts as one message of its type; the frame's bytes are shared
    /// evenly between its commands (a frame usually carries one).
    /// </summary>
    public void CommandsRead(string transport, IReadOnlyList<Command> commands, int frameBytes)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0)
        {
            FrameRead(transport, FrameType.Unknown, 1, frameBytes);
            return;
        }

        var share = frameBytes / commands.Count;
        for (var i = 0; i < commands.Count; i++)
        {
            FrameRead(transport, FrameTypes.Of(commands[i]), 1, i == 0 ? frameBytes - (share * (commands.Count - 1)) : share);
        }
    }

    /// <summary><paramref name="count"/> messages of <paramref name="type"/>, <paramref name="bytes"/> bytes in all, arrived from a client.</summary>
    public void FrameRead(string transport, FrameType type, int count, int bytes)
    {
        var transportTag = new KeyValuePair<string, object?>("transport", transport);
        var frameTag = new KeyValuePair<string, object?>("frame_type", type.Label());
        _transportReceived.Add(count, transportTag, frameTag);
        _transportReceivedSize.Add(bytes, transportTag, frameTag);
    }

    /// <summary>A server API command finished after <paramref name="duration"/>.</summary>
    /// <param name="protocol"><c>http</c> or <c>grpc</c>.</param>
    /// <param name="method">API method such as <c>publish</c>.</param>
    /// <param name="duration">Time the command took.</param>
    public void ApiCommand(string protocol, string method, TimeSpan duration) =>
        _apiDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("protocol", protocol), new KeyValuePair<string, object?>("method", method));

    /// <summary>A server API command failed with <paramref name="error"/> (an error code or a short word).</summary>
    public void ApiError(string protocol, string method, string error) =>
        _apiErrors.Add(
            1,
            new KeyValuePair<string, object?>("protocol", protocol),
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("error", error));

    /// <summary>A proxy call of <paramref name="type"/> (connect, refresh, subscribe, publish, rpc, sub_refresh) finished.</summary>
    /// <param name="protocol"><c>http</c> or <c>grpc</c>.</param>
    /// <param name="type">What was proxied.</param>
    /// <param name="duration">Time the call took.</param>
    /// <param name="failed">True when the call failed (transport error, timeout or bad response).</param>
    public void ProxyCall(string protocol, string type, TimeSpan duration, bool failed)
    {
        var protocolTag = new KeyValuePair<string, object?>("protocol", protocol);
        var typeTag = new KeyValuePair<string, object?>("type", type);
        _proxyDuration.Record(duration.TotalSeconds, protocolTag, typeTag);
        if (failed)
        {
            _proxyErrors.Add(1, protocolTag, typeTag);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private static string CodeText(uint code) =>
        CodeTexts.GetOrAdd(code, static c => c.ToString(CultureInfo.InvariantCulture));
}
