using System.Diagnostics;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;
using K8sRelay.Core.Timing;
using K8sRelay.Core.Transports;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Clients;

/// <summary>
/// One client connection: the protocol state machine (connect first, then commands), its
/// subscriptions, its outgoing queue and its deadlines. Commands of one connection are processed
/// one at a time, in order; deliveries from the hub may arrive concurrently.
/// </summary>
public sealed partial class ClientConnection : ITimerTarget, IDisposable
{
    private readonly RelayNode _node;
    private readonly ITransport _transport;
    private readonly IClientCodec _codec;
    private readonly ConnectionWriter _writer;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, ChannelSubscription?> _subscriptions = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private ConnectionState _state = ConnectionState.Connecting;

    /// <summary>The command being handled (commands of a connection run one at a time), for the frame type of error replies.</summary>
    private FrameType _answering;

    /// <param name="node">The node the connection belongs to.</param>
    /// <param name="transport">How to write to the client.</param>
    /// <param name="requestInfo">What the transport knows about the opening request.</param>
    public ClientConnection(RelayNode node, ITransport transport, ConnectionRequestInfo requestInfo)
    {
        _node = node;
        _transport = transport;
        RequestInfo = requestInfo;
        _codec = ClientCodecs.For(transport.Protocol);
        _logger = node.LoggerFactory.CreateLogger<ClientConnection>();
        var maxQueue = node.Config.Client.QueueMaxSize;
        _writer = new ConnectionWriter(
            (batch, types) =>
            {
                node.Metrics.MessagesWritten(transport.Name, batch, types);
                return transport.WriteAsync(batch, _closing.Token);
            },
            OnWriteError,
            maxQueue > 0 ? maxQueue : long.MaxValue);
        node.Timers.Schedule(this, TimerKind.Stale, node.Config.Client.StaleCloseDelay);
    }

    /// <summary>Client id (a UUID).</summary>
    public string ClientId { get; } = Guid.NewGuid().ToString();

    /// <summary>User id; empty for anonymous users and before connect.</summary>
    public string UserId { get; private set; } = string.Empty;

    /// <summary>Connection info from the token, or null.</summary>
    public byte[]? ConnInfo { get; private set; }

    /// <summary>Unix seconds when the connection expires; 0 = never.</summary>
    public long ExpireAt { get; private set; }

    /// <summary>Transport name.</summary>
    public string TransportName => _transport.Name;

    /// <summary>Encoding of this connection.</summary>
    public ProtocolType Protocol => _transport.Protocol;

    /// <summary>True for unidirectional transports.</summary>
    public bool Unidirectional => _transport.Unidirectional;

    /// <summary>What the transport knows about the opening request.</summary>
    public ConnectionRequestInfo RequestInfo { get; }

    /// <summary>Completes when the connection is closed for any reason.</summary>
    public Task Closed => _closed.Task;

    /// <summary>True once connect succeeded and until the connection closes.</summary>
    public bool IsConnected => _state == ConnectionState.Connected;

    /// <summary>The channels this connection is subscribed to.</summary>
    public IReadOnlyList<string> Channels
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Where(kv => kv.Value is not null).Select(kv => kv.Key)];
            }
        }
    }

    /// <summary>
    /// Processes one transport frame of a bidirectional connection: decodes its commands and runs
    /// them in order. Returns false when the connection is closed and the transport should stop reading.
    /// </summary>
    public async ValueTask<bool> HandleFrameAsync(ReadOnlyMemory<byte> frame)
    {
        if (_state == ConnectionState.Closed)
        {
            return false;
        }

        var commands = new List<Command>();
        try
        {
            _codec.DecodeCommands(frame.Span, commands);
        }
        catch (ProtocolDecodeException ex)
        {
            _node.Metrics.FrameRead(TransportName, FrameType.Unknown, 1, frame.Length);
            Log.BadFrame(_logger, ClientId, ex.Message);
            await DisconnectAsync(DisconnectReason.BadRequest).ConfigureAwait(false);
            return false;
        }

        _node.Metrics.CommandsRead(TransportName, commands, frame.Length);
        foreach (var command in commands)
        {
            _answering = FrameTypes.Of(command);
            var startedAt = Stopwatch.GetTimestamp();
            var open = await HandleCommandAsync(command).ConfigureAwait(false);
            _node.Metrics.CommandProcessed(command, startedAt);
            if (!open)
            {
                return false;
            }

            if (_state == ConnectionState.ConnectFailed)
            {
                // The rest of a frame after a failed connect is ignored.
                break;
            }
        }

        return _state != ConnectionState.Closed;
    }

    /// <summary>Queues an encoded message of <paramref name="type"/>; a full queue disconnects the client as slow (3008).</summary>
    internal void EnqueueMessage(byte[] message, FrameType type)
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }

        if (!_writer.Enqueue(message, type))
        {
            Log.SlowClient(_logger, ClientId, _writer.QueuedBytes);
            _ = DisconnectAsync(DisconnectReason.Slow);
        }
    }

    /// <summary>Queues a join or leave push.</summary>
    internal void EnqueueJoinLeave(Hub.PreparedJoinLeave joinLeave)
    {
        EnqueueMessage(Unidirectional ? _codec.EncodePush(joinLeave.Push) : joinLeave.Encoded(Protocol), joinLeave.Push.Join is not null ? FrameType.PushJoin : FrameType.PushLeave);
    }

    /// <summary>Queues a push (wrapped in a reply on bidirectional transports).</summary>
    internal void EnqueuePush(Push push)
    {
        EnqueueMessage(Unidirectional ? _codec.EncodePush(push) : _codec.EncodeReply(new Reply { Push = push }), FrameTypes.Of(push));
    }

    private void SendReply(Reply reply, ReplyEncodingFlags flags = ReplyEncodingFlags.None) =>
        EnqueueMessage(_codec.EncodeReply(reply, flags), FrameTypes.Of(reply, _answering));

    private void SendError(uint id, ProtocolError error) =>
        SendReply(new Reply { Id = id, Error = error.ToMessage() });

    private void OnWriteError(Exception exception)
    {
        if (_state != ConnectionState.Closed)
        {
            Log.WriteFailed(_logger, ClientId, exception);
            _ = DisconnectAsync(DisconnectReason.WriteError);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _closing.Dispose();

    private static long UnixNow(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();
}
