using K8sRelay.Configuration.Model;
using K8sRelay.Core.Engines;
using K8sRelay.Engines.Nats;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NATS broker (Centrifugo's <c>broker.type: nats</c>).</summary>
public static class NatsBrokerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the NATS broker configured from Centrifugo's <c>broker.nats</c> section. TLS, wildcards and raw mode
    /// are not supported; enabling any of them throws <see cref="NotSupportedException"/> here.
    /// </summary>
    public static IServiceCollection AddNatsBroker(this IServiceCollection services, NatsBrokerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Tls.Enabled || config.AllowWildcards || config.RawMode.Enabled)
        {
            throw new NotSupportedException("broker.nats: tls, allow_wildcards and raw_mode are not supported.");
        }

        return services.AddNatsBroker(options =>
        {
            options.Url = config.Url;
            options.Prefix = config.Prefix;
            options.DialTimeout = config.DialTimeout;
            options.WriteTimeout = config.WriteTimeout;
        });
    }

    /// <summary>
    /// Registers <see cref="NatsBroker"/> as <see cref="IBroker"/> and <see cref="IControlBus"/> (singletons). Register
    /// a presence manager separately, for example with <c>AddRedisPresenceManager</c>; call this before an engine
    /// registration whose broker it should replace (registrations here use TryAdd).
    /// </summary>
    public static IServiceCollection AddNatsBroker(this IServiceCollection services, Action<NatsBrokerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NatsBrokerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(
            o => !string.IsNullOrEmpty(o.Url) && !string.IsNullOrEmpty(o.Prefix) && o.DialTimeout > TimeSpan.Zero && o.WriteTimeout > TimeSpan.Zero,
            "broker.nats: url and prefix must be set, dial_timeout and write_timeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NatsBroker>();
        services.TryAddSingleton<IBroker>(sp => sp.GetRequiredService<NatsBroker>());
        services.TryAddSingleton<IControlBus>(sp => sp.GetRequiredService<NatsBroker>());
        return services;
    }
}
