using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace K8sRelay.Server.Transports.WebSocket;

/// <summary>
/// The WebSocket upgrade with permessage-deflate, done by hand so the server can write prepared
/// compressed frames next to the WebSocket object: the built-in upgrade gives no access to the
/// connection underneath. The server answers
/// <c>permessage-deflate; server_no_context_takeover; client_no_context_takeover</c>, so every
/// message, in either direction, is compressed on its own and a frame built once fits every
/// connection. Only HTTP/1.1 upgrades are handled here; the caller falls back to the built-in
/// upgrade (without compression) otherwise.
/// </summary>
internal static class DeflateHandshake
{
    private const string Extension = "permessage-deflate";
    private const string Response = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>
    /// True when this request can be upgraded here with compression: an HTTP/1.1 upgrade whose
    /// client offers permessage-deflate without limiting the server's window below 15 bits.
    /// </summary>
    public static bool CanNegotiate(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true } || context.Request.Headers.SecWebSocketKey.Count != 1)
        {
            return false;
        }

        foreach (var header in context.Request.Headers.SecWebSocketExtensions)
        {
            foreach (var offer in (header ?? string.Empty).Split(','))
            {
                var parameters = offer.Split(';', StringSplitOptions.TrimEntries);
                if (!string.Equals(parameters[0], Extension, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // The deflater here always uses a 15-bit window.
                var limitsServerWindow = parameters.Skip(1).Any(p =>
                    p.StartsWith("server_max_window_bits=", StringComparison.OrdinalIgnoreCase) && p != "server_max_window_bits=15");
                if (!limitsServerWindow)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Completes the upgrade and returns the WebSocket together with the stream under it (to write
    /// prepared frames on).
    /// </summary>
    public static async Task<(System.Net.WebSockets.WebSocket Socket, SerializedWriteStream Stream)> AcceptAsync(HttpContext context, string? subprotocol)
    {
        var upgrade = context.Features.GetRequiredFeature<IHttpUpgradeFeature>();
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "websocket";
#pragma warning disable CA5350 // RFC 6455 defines the accept value with SHA-1; it is a handshake check, not security.
        headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
        headers.SecWebSocketExtensions = Response;
        if (subprotocol is not null)
        {
            headers.SecWebSocketProtocol = subprotocol;
        }

        var opaque = await upgrade.UpgradeAsync().ConfigureAwait(false);
        var stream = new SerializedWriteStream(opaque);
        var socket = System.Net.WebSockets.WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = true,
            SubProtocol = subprotocol,
            KeepAliveInterval = TimeSpan.Zero,
            DangerousDeflateOptions = new WebSocketDeflateOptions
            {
                ClientContextTakeover = false,
                ServerContextTakeover = false,
            },
        });
        return (socket, stream);
    }
}
