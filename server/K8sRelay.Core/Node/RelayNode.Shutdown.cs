using K8sRelay.Protocol;

namespace K8sRelay.Core.Node;

public sealed partial class RelayNode
{
    /// <summary>
    /// Stops accepting connections and disconnects every client with <paramref name="reason"/>
    /// (3001 shutdown by default, so clients reconnect elsewhere), all at once.
    /// </summary>
    public async Task ShutdownAsync(DisconnectReason? reason = null, CancellationToken cancellationToken = default)
    {
        IsShuttingDown = true;
        var clients = Hub.Clients.ToList();
        Log.ShutdownStarted(_logger, clients.Count);
        var disconnects = clients.Select(c => c.DisconnectAsync(reason ?? DisconnectReason.Shutdown));
        await Task.WhenAll(disconnects).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the node as shutting down so transports refuse new connections.</summary>
    public void StopAccepting() => IsShuttingDown = true;
}
