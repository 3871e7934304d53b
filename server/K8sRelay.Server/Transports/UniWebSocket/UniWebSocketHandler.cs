using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Server.Transports.Http;
using Microsoft.AspNetCore.Connections;

namespace K8sRelay.Server.Transports.UniWebSocket;

/// <summary>
/// <c>uni_websocket.handler_prefix</c>: the connect request is the <c>cf_connect</c> query parameter
/// (undecodable → HTTP 400 before the upgrade) or else the first text message (undecodable → close
/// 3501). Afterwards the server only sends; anything the client sends is read and ignored. Native
/// WebSocket pings go out every <c>client.ping_interval</c> besides the <c>{}</c> ping pushes.
/// </summary>
internal sealed partial class UniWebSocketHandler
{
    private const string ConnectParameter = "cf_connect";

    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly ConnectionGate _gate;
    private readonly ILogger<UniWebSocketHandler> _logger;

    public UniWebSocketHandler(RelayNode node, OriginPolicy origins, ConnectionGate gate, ILogger<UniWebSocketHandler> logger)
    {
        _node = node;
        _origins = origins;
        _gate = gate;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!_origins.IsAllowed(context.Request.Headers.Origin))
        {
            Log.OriginRefused(_logger, context.Request.Headers.Origin.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        ConnectRequest? connect = null;
        var fromQuery = context.Request.Query[ConnectParameter].ToString();
        if (fromQuery.Length > 0 && !TryDecode(Encoding.UTF8.GetBytes(fromQuery), out connect))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!_gate.TryAdmit(context))
        {
            return;
        }

        var settings = _node.Config.UniWebsocket;
        var ping = _node.Config.Client.PingInterval;
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = ping > TimeSpan.Zero ? ping : TimeSpan.Zero,
                DangerousEnableCompression = settings.Compression,
            }).ConfigureAwait(false);
            using var transport = new UniWebSocketTransport(socket, settings);
            var client = new ClientConnection(_node, transport, RequestInfoFactory.Create(context, _node));
            try
            {
                await RunAsync(socket, client, connect, settings.MessageSizeLimit, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException or IOException)
            {
                Log.ReadEnded(_logger, client.ClientId, ex.Message);
            }
            finally
            {
                await client.OnTransportClosedAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunAsync(System.Net.WebSockets.WebSocket socket, ClientConnection client, ConnectRequest? connect, int sizeLimit, CancellationToken cancellationToken)
    {
        var limit = sizeLimit > 0 ? sizeLimit : 65536;
        if (connect is null)
        {
            var first = await ReadMessageAsync(socket, limit, cancellationToken).ConfigureAwait(false);
            if (first is null)
            {
                return;
            }

            if (!TryDecode(first, out connect))
            {
                await client.DisconnectAsync(DisconnectReason.BadRequest).ConfigureAwait(false);
                return;
            }
        }

        var failure = await client.ConnectUnidirectionalAsync(connect).ConfigureAwait(false);
        if (failure is not null)
        {
            await client.DisconnectAsync(UnidirectionalFailures.ToDisconnect(failure, _node.Config.Client)).ConfigureAwait(false);
        }

        // Read until the client closes: control frames are answered, anything else is ignored.
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            if (await ReadMessageAsync(socket, limit, cancellationToken).ConfigureAwait(false) is null)
            {
                return;
            }
        }
    }

    /// <summary>Reads one message; null when the client closed or the message was over the limit.</summary>
    private static async Task<byte[]?> ReadMessageAsync(System.Net.WebSockets.WebSocket socket, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 16384));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                length += result.Count;
                if (length > limit)
                {
                    return null;
                }

                if (result.EndOfMessage)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryDecode(byte[] data, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConnectRequest? request)
    {
        try
        {
            request = ClientCodecs.Json.DecodeConnectRequest(data);
            return true;
        }
        catch (ProtocolDecodeException)
        {
            request = null;
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3131, LogLevel.Debug, "Unidirectional WebSocket of client {ClientId} ended: {Why}")]
        public static partial void ReadEnded(ILogger logger, string clientId, string why);

        [LoggerMessage(3132, LogLevel.Information, "Unidirectional WebSocket from origin {Origin} refused by client.allowed_origins")]
        public static partial void OriginRefused(ILogger logger, string origin);
    }
}
