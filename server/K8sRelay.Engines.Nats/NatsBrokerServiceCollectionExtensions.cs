using K8sRelay.Core.Engines;
using K8sRelay.Engines.Nats;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NATS broker (Centrifugo's <c>broker.type: nats</c>).</summary>
public static class NatsBrokerServiceCollectionExtensions
{
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
