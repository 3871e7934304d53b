using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Channels;
using K8sRelay.Core.Cluster;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Hub;
using K8sRelay.Core.Timing;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Node;

/// <summary>
/// The composition root of one server node: configuration, the local hub, the engine (broker and
/// presence manager), token verification, channel rules and the shared timer wheel. Receives what
/// the broker delivers and fans it out to local subscribers. Thread-safe.
/// </summary>
public sealed partial class RelayNode : IBrokerEventHandler, IBrokerConnectivityHandler, IAsyncDisposable
{
    private readonly ILogger<RelayNode> _logger;
    private readonly ChannelLocks _channelLocks = new();
    private readonly long _startedAt;

    public RelayNode(
        RelayConfig config,
        IBroker broker,
        IPresenceManager presence,
        IControlBus controlBus,
        ITokenVerifier tokenVerifier,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ClusterOptions? clusterOptions = null)
    {
        Config = config;
        Broker = broker;
        Presence = presence;
        ControlBus = controlBus;
        TokenVerifier = tokenVerifier;
        Time = time;
        LoggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RelayNode>();
        Channels = new ChannelRules(config.Channel);
        Timers = new TimerWheel(time);
        Name = string.IsNullOrEmpty(config.Node.Name) ? $"{Environment.MachineName}_{config.HttpServer.Port}" : config.Node.Name;
        _startedAt = time.GetUtcNow().ToUnixTimeSeconds();
        Metrics = new RelayMetrics(this);
        Cluster = new ClusterControl(this, clusterOptions ?? new ClusterOptions());
        broker.RegisterEventHandler(this);
    }

    /// <summary>Unique id of this node (a UUID, new on every start).</summary>
    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>Human-readable node name (<c>node.name</c>, else host and port).</summary>
    public string Name { get; }

    /// <summary>Server version reported to clients and in <c>info</c>.</summary>
    public static string Version => NodeVersion.Current;

    /// <summary>The configuration the node runs with.</summary>
    public RelayConfig Config { get; }

    /// <summary>Local connections and subscriptions.</summary>
    public ClientHub Hub { get; } = new();

    /// <summary>Publication delivery and history.</summary>
    public IBroker Broker { get; }

    /// <summary>Presence sets.</summary>
    public IPresenceManager Presence { get; }

    /// <summary>Messages between nodes.</summary>
    public IControlBus ControlBus { get; }

    /// <summary>Connection and subscription token verification.</summary>
    public ITokenVerifier TokenVerifier { get; }

    /// <summary>Channel name rules and namespaces.</summary>
    public ChannelRules Channels { get; }

    /// <summary>The shared timer for per-connection deadlines.</summary>
    public TimerWheel Timers { get; }

    /// <summary>The node's metrics (Centrifugo's names), recorded by connections, transports and the API.</summary>
    public RelayMetrics Metrics { get; }

    /// <summary>The node's part in a cluster (node registry, command relay, emulation forwarding); idle on one node.</summary>
    public ClusterControl Cluster { get; }

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Logger factory for connections and transports.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Seconds since the node started.</summary>
    public long UptimeSeconds => Time.GetUtcNow().ToUnixTimeSeconds() - _startedAt;

    /// <summary>True once shutdown began: new connections are refused.</summary>
    public bool IsShuttingDown { get; private set; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync().ConfigureAwait(false);
        await StopPositionChecksAsync().ConfigureAwait(false);
        await Timers.DisposeAsync().ConfigureAwait(false);
        Metrics.Dispose();
    }
}
