using K8sRelay.Configuration.Model;
using K8sRelay.Core.Engines;
using K8sRelay.Engines.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis engine (Centrifugo's <c>engine.type: redis</c>).</summary>
public static class RedisEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RedisBroker"/> as <see cref="IBroker"/>, <see cref="RedisPresenceManager"/> as
    /// <see cref="IPresenceManager"/> and <see cref="RedisControlBus"/> as <see cref="IControlBus"/>, all singletons on
    /// one shared <see cref="RedisConnections"/>, with options validated at start and a hosted service that connects
    /// when the host starts.
    /// </summary>
    public static IServiceCollection AddRedisEngine(this IServiceCollection services, Action<RedisEngineOptions>? configure = null)
    {
        AddRedisConnections(services, configure);
        services.TryAddSingleton<RedisBroker>();
        services.TryAddSingleton<IBroker>(sp => sp.GetRequiredService<RedisBroker>());
        services.TryAddSingleton<RedisControlBus>();
        services.TryAddSingleton<IControlBus>(sp => sp.GetRequiredService<RedisControlBus>());
        return AddRedisPresenceManager(services);
    }

    /// <summary>Registers the Redis engine configured from Centrifugo's <c>engine.redis</c> section.</summary>
    public static IServiceCollection AddRedisEngine(this IServiceCollection services, RedisEngineConfig config) =>
        services.AddRedisEngine(options => RedisConfigMapping.Apply(config, options));

    /// <summary>
    /// Registers only the Redis presence manager, configured from Centrifugo's <c>presence_manager.redis</c> section.
    /// A node has one set of Redis options: combined with <see cref="AddRedisEngine(IServiceCollection, Action{RedisEngineOptions}?)"/>
    /// both configurations are applied to it in registration order.
    /// </summary>
    public static IServiceCollection AddRedisPresenceManager(this IServiceCollection services, RedisPresenceManagerConfig config) =>
        services.AddRedisPresenceManager(options => RedisConfigMapping.Apply(config, options));

    /// <summary>
    /// Registers only <see cref="RedisPresenceManager"/> as <see cref="IPresenceManager"/> (Centrifugo's
    /// <c>presence_manager.type: redis</c>), for use with another broker such as NATS.
    /// </summary>
    public static IServiceCollection AddRedisPresenceManager(this IServiceCollection services, Action<RedisEngineOptions>? configure = null)
    {
        AddRedisConnections(services, configure);
        services.TryAddSingleton<RedisPresenceManager>();
        services.TryAddSingleton<IPresenceManager>(sp => sp.GetRequiredService<RedisPresenceManager>());
        return services;
    }

    private static void AddRedisConnections(IServiceCollection services, Action<RedisEngineOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisEngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisEngineOptions>, RedisEngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnections>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisEngineStartup>());
    }
}
