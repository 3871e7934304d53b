using K8sRelay.Core.Engines;
using K8sRelay.Core.Engines.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-process engine.</summary>
public static class MemoryEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MemoryBroker"/> as <see cref="IBroker"/>, <see cref="MemoryPresenceManager"/> as
    /// <see cref="IPresenceManager"/> and <see cref="MemoryControlBus"/> as <see cref="IControlBus"/>, all
    /// singletons, plus <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes to <see cref="MemoryEngineOptions"/>.</param>
    public static IServiceCollection AddMemoryEngine(this IServiceCollection services, Action<MemoryEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MemoryEngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.CleanupInterval > TimeSpan.Zero && o.HistoryMetaTtl > TimeSpan.Zero && o.IdempotentResultTtl > TimeSpan.Zero,
            "Memory engine: CleanupInterval, HistoryMetaTtl and IdempotentResultTtl must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MemoryBroker>();
        services.TryAddSingleton<IBroker>(sp => sp.GetRequiredService<MemoryBroker>());
        services.TryAddSingleton<MemoryPresenceManager>();
        services.TryAddSingleton<IPresenceManager>(sp => sp.GetRequiredService<MemoryPresenceManager>());
        services.TryAddSingleton<MemoryControlBus>();
        services.TryAddSingleton<IControlBus>(sp => sp.GetRequiredService<MemoryControlBus>());
        return services;
    }
}
