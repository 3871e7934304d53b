using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Hosting;

/// <summary>
/// Chooses the engine from the configuration as Centrifugo does: <c>engine.type</c> memory or redis,
/// optionally a separate broker (<c>broker.enabled</c> + <c>broker.type: nats</c>, PUB/SUB only) and a
/// separate presence manager (<c>presence_manager.enabled</c> + <c>presence_manager.type: redis</c>).
/// The separate parts are registered first: engine registrations only fill what is still missing.
/// </summary>
internal static class EngineRegistration
{
    public static IServiceCollection AddRelayEngine(this IServiceCollection services, RelayConfig config)
    {
        if (config.Broker.Enabled && string.Equals(config.Broker.Type, "nats", StringComparison.OrdinalIgnoreCase))
        {
            services.AddNatsBroker(config.Broker.Nats);
        }

        if (config.PresenceManager.Enabled && string.Equals(config.PresenceManager.Type, "redis", StringComparison.OrdinalIgnoreCase))
        {
            services.AddRedisPresenceManager(config.PresenceManager.Redis);
        }

        if (string.Equals(config.Engine.Type, "redis", StringComparison.OrdinalIgnoreCase))
        {
            services.AddRedisEngine(config.Engine.Redis);
        }
        else
        {
            services.AddMemoryEngine();
        }

        return services;
    }
}
