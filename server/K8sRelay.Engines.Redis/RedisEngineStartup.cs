using Microsoft.Extensions.Hosting;

namespace K8sRelay.Engines.Redis;

/// <summary>Connects the Redis engine when the host starts, so the first request does not pay for it.</summary>
internal sealed class RedisEngineStartup(RedisConnections connections) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => connections.ConnectAsync().WaitAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
