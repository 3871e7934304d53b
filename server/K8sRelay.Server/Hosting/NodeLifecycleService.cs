using K8sRelay.Core.Node;

namespace K8sRelay.Server.Hosting;

/// <summary>
/// Ties the node to the host's life. On shutdown (SIGTERM, SIGINT) the node drains before the HTTP server
/// stops: it turns not ready at once, refuses new connections after <c>shutdown.drain_grace</c>, and
/// disconnects its clients with 3001 spread over <c>shutdown.drain_period</c>, so they reconnect to other
/// nodes a few at a time and recover; the schedule is shortened to end within <c>shutdown.timeout</c>.
/// On start the node joins its cluster (engines that span nodes); after the drain it tells the cluster it leaves.
/// </summary>
internal sealed class NodeLifecycleService : IHostedLifecycleService
{
    private readonly RelayNode _node;

    public NodeLifecycleService(RelayNode node) => _node = node;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _node.StartCluster();
        _node.StartPositionChecks();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _node.DrainAsync(DrainSchedule.ForShutdown(_node.Config.Shutdown))
                .WaitAsync(_node.Config.Shutdown.Timeout, _node.Time, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Shutdown timeout reached: the host stops anyway and the remaining connections close with it.
        }

        // Other nodes stop listing this one now rather than when its heartbeats go missing.
        using var leaveTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _node.Time);
        try
        {
            await _node.Cluster.LeaveAsync(leaveTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The control bus did not answer in time; the other nodes drop this one when its heartbeats stop.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await _node.DisposeAsync().ConfigureAwait(false);
}
