using K8sRelay.Core.Node;

namespace K8sRelay.Server.Hosting;

/// <summary>
/// Ties the node to the host's life: on shutdown (SIGTERM, SIGINT) clients are disconnected with
/// 3001 before the HTTP server stops, so they reconnect elsewhere and recover.
/// </summary>
internal sealed class NodeLifecycleService : IHostedLifecycleService
{
    private readonly RelayNode _node;

    public NodeLifecycleService(RelayNode node) => _node = node;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_node.Config.Shutdown.Timeout);
        try
        {
            await _node.ShutdownAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutdown timeout reached: the host stops anyway.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await _node.DisposeAsync().ConfigureAwait(false);
}
