using System.Net;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Server.Grpc;
using K8sRelay.Server.Transports.Emulation;
using K8sRelay.Server.Transports.HttpStream;
using K8sRelay.Server.Transports.Init;
using K8sRelay.Server.Transports.Sse;
using K8sRelay.Server.Transports.UniGrpc;
using K8sRelay.Server.Transports.UniHttpStream;
using K8sRelay.Server.Transports.UniSse;
using K8sRelay.Server.Transports.UniWebSocket;
using K8sRelay.Server.Transports.WebSocket;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace K8sRelay.Server.Transports.Http;

/// <summary>
/// Registers and routes every transport besides the bidirectional WebSocket: HTTP-streaming and SSE
/// emulation with <c>/emulation</c>, the unidirectional WebSocket, SSE, HTTP-stream and GRPC
/// transports, and <c>/connection/init</c>. Each one only when its configuration section enables it.
/// </summary>
public static class RelayTransportsExtensions
{
    /// <summary>
    /// Adds the transports' services and, with <c>uni_grpc.enabled</c>, the HTTP/2 GRPC listener (TLS with
    /// <c>uni_grpc.tls</c>; requests up to <c>uni_grpc.max_receive_message_size</c> bytes, 65536 when 0). A
    /// certificate that cannot be loaded throws <see cref="K8sRelay.Configuration.ConfigException"/> naming its key.
    /// </summary>
    public static WebApplicationBuilder AddRelayTransports(this WebApplicationBuilder builder, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        var services = builder.Services;
        services.AddSingleton(new PreparedFrames(config.Websocket.CompressionLevel));
        services.AddSingleton<EmulationSessions>();
        services.AddSingleton<EmulationConnectionRunner>();
        services.AddSingleton<EmulationHandler>();
        services.AddSingleton<HttpStreamHandler>();
        services.AddSingleton<SseHandler>();
        services.AddSingleton<UnidirectionalStreamRunner>();
        services.AddSingleton<UniHttpStreamHandler>();
        services.AddSingleton<UniSseHandler>();
        services.AddSingleton<UniWebSocketHandler>();
        services.AddSingleton<InitHandler>();

        var uniGrpc = config.UniGrpc;
        if (uniGrpc.Enabled)
        {
            services.AddGrpc().AddServiceOptions<UniStreamService>(o =>
                o.MaxReceiveMessageSize = uniGrpc.MaxReceiveMessageSize > 0 ? uniGrpc.MaxReceiveMessageSize : 65536);

            // Loaded now, so a bad certificate stops the start with an error naming its key.
            var certificate = uniGrpc.Tls.Enabled ? TlsCertificates.LoadServerCertificate(uniGrpc.Tls, "uni_grpc.tls") : null;
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(ListenAddress(uniGrpc.Address), uniGrpc.Port, listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
                    if (certificate is not null)
                    {
                        listen.UseHttps(certificate);
                    }
                }));
        }

        return builder;
    }

    /// <summary>Maps the enabled transports' endpoints.</summary>
    public static WebApplication MapRelayTransports(this WebApplication app, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        var services = app.Services;
        if (config.HttpStream.Enabled)
        {
            app.Map(config.HttpStream.HandlerPrefix, services.GetRequiredService<HttpStreamHandler>().HandleAsync);
        }

        if (config.Sse.Enabled)
        {
            app.Map(config.Sse.HandlerPrefix, services.GetRequiredService<SseHandler>().HandleAsync);
        }

        if (config.HttpStream.Enabled || config.Sse.Enabled)
        {
            app.Map(config.Emulation.HandlerPrefix, services.GetRequiredService<EmulationHandler>().HandleAsync);
        }

        if (config.UniWebsocket.Enabled)
        {
            app.Map(config.UniWebsocket.HandlerPrefix, services.GetRequiredService<UniWebSocketHandler>().HandleAsync);
        }

        if (config.UniSse.Enabled)
        {
            app.Map(config.UniSse.HandlerPrefix, services.GetRequiredService<UniSseHandler>().HandleAsync);
        }

        if (config.UniHttpStream.Enabled)
        {
            app.Map(config.UniHttpStream.HandlerPrefix, services.GetRequiredService<UniHttpStreamHandler>().HandleAsync);
        }

        if (config.Init.Enabled)
        {
            app.Map(InitHandler.Path, services.GetRequiredService<InitHandler>().HandleAsync);
        }

        if (config.UniGrpc.Enabled)
        {
            app.MapGrpcService<UniStreamService>().RequireHost($"*:{config.UniGrpc.Port}");
        }

        return app;
    }

    private static IPAddress ListenAddress(string address) => address switch
    {
        "" => IPAddress.Any,
        "localhost" => IPAddress.Loopback,
        _ => IPAddress.Parse(address),
    };
}
