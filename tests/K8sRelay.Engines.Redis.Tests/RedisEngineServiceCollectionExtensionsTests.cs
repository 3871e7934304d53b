using K8sRelay.Core.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace K8sRelay.Engines.Redis.Tests;

public sealed class RedisEngineServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRedisEngine_RegistersTheThreeContractsOnSharedConnections()
    {
        await using var provider = new ServiceCollection().AddLogging().AddRedisEngine(o => o.Prefix = "x").BuildServiceProvider();

        Assert.IsType<RedisBroker>(provider.GetRequiredService<IBroker>());
        Assert.Same(provider.GetRequiredService<IBroker>(), provider.GetRequiredService<RedisBroker>());
        Assert.IsType<RedisPresenceManager>(provider.GetRequiredService<IPresenceManager>());
        Assert.IsType<RedisControlBus>(provider.GetRequiredService<IControlBus>());
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal("x", provider.GetRequiredService<RedisConnections>().Options.Prefix);
    }

    [Fact]
    public async Task AddRedisEngine_WithABadAddress_FailsValidation()
    {
        await using var provider = new ServiceCollection().AddLogging().AddRedisEngine(o => o.Address = ["redis+sentinel://s1"]).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisEngineOptions>>().Value);
        Assert.Contains("sentinel_master_name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ReportsEveryProblem()
    {
        var result = new RedisEngineOptionsValidator().Validate(null, new RedisEngineOptions
        {
            Address = [],
            Prefix = string.Empty,
            PresenceTtl = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
    }
}
