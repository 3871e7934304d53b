using K8sRelay.Core.Engines;
using K8sRelay.Core.Engines.Memory;
using Microsoft.Extensions.DependencyInjection;

// Not K8sRelay.Core.Tests.Engines.*: that namespace would shadow the K8sRelay.Core.Engines prefix used by other tests here.
namespace K8sRelay.Core.Tests.MemoryEngine;

public sealed class MemoryEngineServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMemoryEngine_RegistersOneSingletonPerContract()
    {
        using var provider = new ServiceCollection().AddMemoryEngine(o => o.CleanupInterval = TimeSpan.FromSeconds(1)).BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<MemoryBroker>(), provider.GetRequiredService<IBroker>());
        Assert.Same(provider.GetRequiredService<IBroker>(), provider.GetRequiredService<IBroker>());
        Assert.IsType<MemoryPresenceManager>(provider.GetRequiredService<IPresenceManager>());
        Assert.Same(provider.GetRequiredService<IPresenceManager>(), provider.GetRequiredService<IPresenceManager>());
        Assert.IsType<MemoryControlBus>(provider.GetRequiredService<IControlBus>());
    }

    [Fact]
    public void AddMemoryEngine_WithANonPositiveInterval_FailsWhenResolved()
    {
        using var provider = new ServiceCollection().AddMemoryEngine(o => o.CleanupInterval = TimeSpan.Zero).BuildServiceProvider();

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<IBroker>());
    }
}
