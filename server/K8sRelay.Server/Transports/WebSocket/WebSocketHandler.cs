using System.Buffers;
using System.Net.WebSockets;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using Microsoft.AspNetCore.Connections;

namespace K8sRelay.Server.Transports.WebSocket;

/// <summary>
/// Accepts bidirectional WebSocket connections at <c>websocket.handler_prefix</c>, negotiates the
/// protocol (subprotocol <c>centrifuge-protobuf</c> or <c>?format=protobuf</c>), and feeds each
/// incoming message to the connection. Idle connections hold no read buffer: each read first waits
/// for data with a zero-byte receive and rents a buffer only then.
/// </summary>
internal sealed partial class WebSocketHandler
{
    private const string JsonSubprotocol = "centrifuge-json";
    private const string ProtobufSubprotocol = "centrifuge-protobuf";
    private const int InitialBufferSize = 4096;

    /// <summary>Close code 1009: centrifuge-js reports it as a terminal message size error.</summary>
    private static readonly K8sRelay.Protocol.DisconnectReason MessageTooBig = new(1009, "message size limit exceeded");

    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly ConnectionGate _gate;
    private readonly PreparedFrames _frames;
    private readonly ILogger<WebSocketHandler> _logger;

    public WebSocketHandler(RelayNode node, OriginPolicy origins, ConnectionGate gate, PreparedFrames frames, ILogger<WebSocketHandler> logger)
    {
        _node = node;
        _origins = origins;
        _gate = gate;
        _frames = frames;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Bad Request: WebSocket upgrade expected\n").ConfigureAwait(false);
            return;
        }

        if (!_origins.IsAllowed(context.Request.Headers.Origin))
        {
            Log.OriginRefused(_logger, context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!_gate.TryAdmit(context))
        {
            return;
        }

        var (protocol, subprotocol) = Negotiate(context);
        var settings = _node.Config.Websocket;
        System.Net.WebSockets.WebSocket socket;
        CompressedFrameWriter? compressed = null;
        if (settings.Compression && DeflateHandshake.CanNegotiate(context))
        {
            // Upgraded by hand so prepared compressed frames can be written next to the socket.
            (socket, var stream) = await DeflateHandshake.AcceptAsync(context, subprotocol).ConfigureAwait(false);
            compressed = new CompressedFrameWriter(stream, _frames, settings.CompressionMinSize);
        }
        else
        {
            socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = subprotocol,
                KeepAliveInterval = TimeSpan.Zero,
            }).ConfigureAwait(false);
        }

        using var socketScope = socket;
        using var transport = new WebSocketTransport(socket, protocol, compressed);
        var client = new ClientConnection(_node, transport, RequestInfoFactory.Create(context, _node));
        try
        {
            await ReadLoopAsync(socket, client, settings.MessageSizeLimit, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException or IOException)
        {
            Log.ReadEnded(_logger, client.ClientId, ex.Message);
        }
        finally
        {
            await client.OnTransportClosedAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    private static async Task ReadLoopAsync(System.Net.WebSockets.WebSocket socket, ClientConnection client, int messageSizeLimit, CancellationToken cancellationToken)
    {
        var limit = messageSizeLimit > 0 ? messageSizeLimit : int.MaxValue;
        while (socket.State == WebSocketState.Open)
        {
            // Wait for data without holding a buffer (idle connections stay small).
            var peek = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            if (peek.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, limit + 1));
            try
            {
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > limit)
                        {
                            break;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    length += result.Count;
                    if (length > limit)
                    {
                        break;
                    }

                    if (result.EndOfMessage)
                    {
                        break;
                    }
                }

                if (length > limit)
                {
                    await client.DisconnectAsync(MessageTooBig).ConfigureAwait(false);
                    return;
                }

                if (!await client.HandleFrameAsync(buffer.AsMemory(0, length)).ConfigureAwait(false))
                {
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static (ProtocolType Protocol, string? Subprotocol) Negotiate(HttpContext context)
    {
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        if (requested.Contains(ProtobufSubprotocol))
        {
            return (ProtocolType.Protobuf, ProtobufSubprotocol);
        }

        var query = context.Request.Query;
        var protobufByQuery = query["format"] == "protobuf" || query["cf_protocol"] == "protobuf";
        var protocol = protobufByQuery ? ProtocolType.Protobuf : ProtocolType.Json;
        var subprotocol = requested.Contains(JsonSubprotocol) && !protobufByQuery ? JsonSubprotocol : null;
        return (protocol, subprotocol);
    }
}
