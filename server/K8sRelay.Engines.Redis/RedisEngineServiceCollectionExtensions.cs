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
