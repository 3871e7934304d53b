using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.Emulation;

/// <summary>
/// <c>POST emulation.handler_prefix</c>: the client → server half of HTTP-streaming and SSE. The
/// body names the session and node and carries a command frame; the frame runs on the session's
/// connection and the answer is 204 (replies travel on the stream). A session that is gone, or a
/// JSON body whose <c>data</c> is not a string, is dropped silently (still 204). A request naming another
/// node of the cluster is forwarded to it over the control bus (204). Statuses: 413 body too large,
/// 400 undecodable body, 404 a node that is not in the cluster, 503 the control bus is unreachable.
/// </summary>
internal sealed partial class EmulationHandler
{
    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly EmulationSessions _sessions;
    private readonly ILogger<EmulationHandler> _logger;

    public EmulationHandler(RelayNode node, OriginPolicy origins, EmulationSessions sessions, ILogger<EmulationHandler> logger)
    {
        _node = node;
        _origins = origins;
        _sessions = sessions;
        _logger = logger;
        node.Cluster.EmulationReceiver = ReceiveForwardedAsync;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var body = await PostedBody.ReadAsync(context, _origins, _node.Config.Emulation.MaxRequestBodySize).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        EmulationRequestBody parsed;
        try
        {
            parsed = EmulationRequestParser.Parse(body, ProtocolSelection.IsProtobuf(context.Request) ? ProtocolType.Protobuf : ProtocolType.Json);
        }
        catch (ProtocolDecodeException ex)
        {
            Log.BadBody(_logger, ex.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (parsed.Node.Length > 0 && !string.Equals(parsed.Node, _node.Id, StringComparison.Ordinal))
        {
            await ForwardAsync(context, parsed).ConfigureAwait(false);
            return;
        }

        if (parsed.HasData && parsed.Data.Length > 0 && _sessions.TryGet(parsed.Session, out var session))
        {
            await session.HandleFrameAsync(parsed.Data).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// The session lives on another node: hand the frame to that node over the cluster's control bus (204),
    /// or answer 404 when no such node is in the cluster (memory engine, or a node that is gone).
    /// </summary>
    private async Task ForwardAsync(HttpContext context, EmulationRequestBody parsed)
    {
        if (!_node.Cluster.KnowsNode(parsed.Node))
        {
            Log.UnknownNode(_logger, parsed.Node);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (parsed.HasData && parsed.Data.Length > 0)
        {
            try
            {
                await _node.Cluster.ForwardEmulationAsync(parsed.Node, parsed.Session, parsed.Data.ToArray(), context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ForwardFailed(_logger, parsed.Node, ex);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>
    /// A frame another node received for a session held here. The session orders it after the frames before
    /// it as soon as it is handed over; it runs without holding up the node's other control messages.
    /// </summary>
    private ValueTask ReceiveForwardedAsync(string session, byte[] data)
    {
        if (data.Length > 0 && _sessions.TryGet(session, out var held))
        {
            _ = RunForwardedAsync(held, data);
        }

        return ValueTask.CompletedTask;
    }

    private async Task RunForwardedAsync(EmulationSession session, byte[] data)
    {
        try
        {
            await session.HandleFrameAsync(data).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.ForwardedFrameFailed(_logger, session.Id, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3111, LogLevel.Debug, "Emulation request refused: {Why}")]
        public static partial void BadBody(ILogger logger, string why);

        [LoggerMessage(3112, LogLevel.Information, "Emulation request for node {NodeId}, which is not in the cluster")]
        public static partial void UnknownNode(ILogger logger, string nodeId);

        [LoggerMessage(3113, LogLevel.Warning, "Emulation request for node {NodeId} could not be forwarded")]
        public static partial void ForwardFailed(ILogger logger, string nodeId, Exception exception);

        [LoggerMessage(3114, LogLevel.Warning, "Emulation frame forwarded by another node failed on session {SessionId}")]
        public static partial void ForwardedFrameFailed(ILogger logger, string sessionId, Exception exception);
    }
}
