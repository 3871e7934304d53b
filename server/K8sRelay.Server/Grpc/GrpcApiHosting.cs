using System.Net;
using K8sRelay.Configuration.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace K8sRelay.Server.Grpc;

/// <summary>
/// Hosts the GRPC API when <c>grpc_api.enabled</c>: its own Kestrel endpoint on
/// <c>grpc_api.address</c>:<c>grpc_api.port</c> (HTTP/2 only, so cleartext h2c works; TLS when
/// <c>grpc_api.tls.enabled</c>), telemetry (<see cref="GrpcApiTelemetryInterceptor"/>), the key check and the
/// service, reachable on that port only.
/// </summary>
public static class GrpcApiHosting
{
    /// <summary>Registers the GRPC services and the endpoint.</summary>
    public static void AddGrpcApi(this WebApplicationBuilder builder, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        if (!config.GrpcApi.Enabled)
        {
            return;
        }

        var grpc = config.GrpcApi;
        builder.Services.AddSingleton<GrpcApiTelemetryInterceptor>();
        builder.Services.AddSingleton<GrpcApiKeyInterceptor>();
        builder.Services.AddGrpc(options =>
        {
            // Telemetry first, so calls the key check rejects are measured and counted too.
            options.Interceptors.Add<GrpcApiTelemetryInterceptor>();
            options.Interceptors.Add<GrpcApiKeyInterceptor>();
            if (grpc.MaxReceiveMessageSize > 0)
            {
                options.MaxReceiveMessageSize = grpc.MaxReceiveMessageSize;
            }
        });

        // Loaded now, so a bad certificate stops the start with an error naming its key.
        var certificate = grpc.Tls.Enabled ? TlsCertificates.LoadServerCertificate(grpc.Tls, "grpc_api.tls") : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = string.IsNullOrEmpty(grpc.Address) ? IPAddress.Any : IPAddress.Parse(grpc.Address == "localhost" ? "127.0.0.1" : grpc.Address);
            kestrel.Listen(address, grpc.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
    }

    /// <summary>Maps the service to the GRPC port.</summary>
    public static void MapGrpcApi(this WebApplication app, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        if (config.GrpcApi.Enabled)
        {
            app.MapGrpcService<CentrifugoApiService>().RequireHost($"*:{config.GrpcApi.Port}");
        }
    }
}
