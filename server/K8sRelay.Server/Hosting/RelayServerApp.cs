using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Engines;
using K8sRelay.Core.Node;
using K8sRelay.Server.Api;
using K8sRelay.Server.Diagnostics;
using K8sRelay.Server.Health;
using K8sRelay.Server.Transports;
using K8sRelay.Server.Transports.Http;
using K8sRelay.Server.Transports.WebSocket;

namespace K8sRelay.Server.Hosting;

/// <summary>Builds the web application for a loaded configuration: services, Kestrel endpoints and routes.</summary>
public static class RelayServerApp
{
    /// <summary>Creates the application; <paramref name="configure"/> may adjust the builder (tests).</summary>
    public static WebApplication Build(RelayConfig config, IReadOnlyList<string> configWarnings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevels.From(config.Log.Level));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = config.Shutdown.Timeout + TimeSpan.FromSeconds(5));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            InternalPortRouting.Listen(kestrel, config);
        });

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(TimeProvider.System);
        services.AddRelayEngine(config);
        services.AddSingleton<ITokenVerifier>(sp => TokenVerifierFactory.Create(config.Client, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new RelayNode(
            config,
            sp.GetRequiredService<IBroker>(),
            sp.GetRequiredService<IPresenceManager>(),
            sp.GetRequiredService<IControlBus>(),
            sp.GetRequiredService<ITokenVerifier>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(new OriginPolicy(config.Client));
        services.AddSingleton<ConnectionGate>();
        services.AddSingleton<WebSocketHandler>();
        builder.AddServerApi(config);
        services.AddHostedService<NodeLifecycleService>();
        builder.AddRelayDiagnostics(config);
        builder.AddRelayTransports(config);
        configure?.Invoke(builder);

        var app = builder.Build();
        var node = app.Services.GetRequiredService<RelayNode>();
        var startupLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("K8sRelay.Server");
        foreach (var warning in configWarnings)
        {
            StartupLog.ConfigWarning(startupLog, warning);
        }

        app.UseInternalPortRouting(config);
        app.UseWebSockets();
        if (!config.Websocket.Disabled)
        {
            var handler = app.Services.GetRequiredService<WebSocketHandler>();
            app.Map(config.Websocket.HandlerPrefix, handler.HandleAsync);
        }

        app.MapServerApis(config, node);

        app.MapRelayTransports(config);
        app.MapHealth(config);
        app.MapRelayDiagnostics();
        return app;
    }
}
