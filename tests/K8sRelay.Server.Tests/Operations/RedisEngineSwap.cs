using K8sRelay.Core.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>Puts a node on the Redis engine in place of the memory engine the server registers by default.</summary>
internal static class RedisEngineSwap
{
    public static Action<WebApplicationBuilder> To(RedisProcess redis) => builder =>
    {
        builder.Services.RemoveAll<IBroker>();
        builder.Services.RemoveAll<IPresenceManager>();
        builder.Services.RemoveAll<IControlBus>();
        builder.Services.AddRedisEngine(options =>
        {
            options.Address = [redis.Address];
            options.ConnectTimeout = TimeSpan.FromSeconds(1);
        });
    };
}
