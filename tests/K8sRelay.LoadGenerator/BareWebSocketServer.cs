using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sRelay.LoadGenerator;

/// <summary>
/// The baseline: a bare Kestrel WebSocket endpoint that accepts and waits with zero-byte reads,
/// holding nothing per connection but what ASP.NET Core itself needs.
/// </summary>
internal static class BareWebSocketServer
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var port = args.GetInt("port", 8100);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", static async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var buffer = new byte[4096];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var peek = await socket.ReceiveAsync(Memory<byte>.Empty, context.RequestAborted).ConfigureAwait(false);
                    if (peek.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        });
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
