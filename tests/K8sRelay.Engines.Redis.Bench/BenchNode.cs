using K8sRelay.Core.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sRelay.Engines.Redis.Bench;

/// <summary>One node's Redis engine (own connections), as the server would build it.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly RedisConnections _connections;

    private BenchNode(RedisConnections connections)
    {
        _connections = connections;
        Broker = new RedisBroker(connections, NullLogger<RedisBroker>.Instance);
    }

    public RedisBroker Broker { get; }

    public static async Task<BenchNode> StartAsync(string address, string prefix)
    {
        var options = Options.Create(new RedisEngineOptions { Address = [address], Prefix = prefix });
        var connections = new RedisConnections(options, TimeProvider.System, NullLogger<RedisConnections>.Instance);
        await connections.ConnectAsync();
        return new BenchNode(connections);
    }

    public void Handle(IBrokerEventHandler handler) => Broker.RegisterEventHandler(handler);

    public ValueTask DisposeAsync() => _connections.DisposeAsync();
}
