using K8sRelay.Configuration.Model;
using K8sRelay.Core.Node;
using K8sRelay.Server.Grpc;

namespace K8sRelay.Server.Api;

/// <summary>Registers and maps the server APIs: HTTP (per-method, batch, legacy) and GRPC.</summary>
public static class ServerApiHosting
{
    /// <summary>Registers the executor, the key check, the HTTP API options and, when enabled, the GRPC API.</summary>
    public static void AddServerApi(this WebApplicationBuilder builder, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        builder.Services.AddSingleton(new ApiKeyCheck(config.HttpApi));
        builder.Services.AddSingleton<ServerApiExecutor>();
        builder.Services.AddSingleton(sp => ServerApiOptions.From(sp.GetRequiredService<IConfiguration>()));
        builder.AddGrpcApi(config);
    }

    /// <summary>
    /// Maps the HTTP API (unless <c>http_api.disabled</c>) and the GRPC API (when enabled), and
    /// gives the node the cluster relay registered by a multi-node engine, if any.
    /// </summary>
    public static void MapServerApis(this WebApplication app, RelayConfig config, RelayNode node)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(node);
        if (app.Services.GetService<IServerCommandRelay>() is { } relay)
        {
            node.CommandRelay ??= relay;
        }

        if (!config.HttpApi.Disabled)
        {
            app.MapServerApi(node);
        }

        app.MapGrpcApi(config);
    }
}
