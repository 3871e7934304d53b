using K8sRelay.Core.Engines;
using NATS.Client.Core;

namespace K8sRelay.Engines.Nats;

/// <summary>Control bus and connectivity of <see cref="NatsBroker"/>.</summary>
public sealed partial class NatsBroker
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _controlSubscribed = Task.CompletedTask;

    /// <summary>Completes when the control subscriptions made by the handler registration are active.</summary>
    public Task WhenSubscribedAsync() => _controlSubscribed;

    /// <inheritdoc />
    /// <remarks>Without a node id only broadcast messages arrive.</remarks>
    public void RegisterControlHandler(Func<byte[], ValueTask> handler) =>
        RegisterControlHandler("anonymous-" + Guid.NewGuid().ToString("N"), handler);

    /// <inheritdoc />
    public void RegisterControlHandler(string nodeId, Func<byte[], ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(handler);
        _controlSubscribed = Task.WhenAll(
            SubscribeControlAsync($"{_options.Prefix}.control", handler),
            SubscribeControlAsync($"{_options.Prefix}.node.{nodeId}", handler));
    }

    /// <inheritdoc />
    public ValueTask PublishControlAsync(byte[] message, string? toNodeId, CancellationToken cancellationToken) =>
        PublishRawAsync(toNodeId is null ? $"{_options.Prefix}.control" : $"{_options.Prefix}.node.{toNodeId}", message, cancellationToken);

    private async Task SubscribeControlAsync(string subject, Func<byte[], ValueTask> handler)
    {
        var subscription = await _connection.SubscribeCoreAsync<byte[]>(subject, cancellationToken: _stopping.Token).ConfigureAwait(false);
        await _connection.PingAsync(_stopping.Token).ConfigureAwait(false);
        _ = Task.Run(
            async () =>
            {
                await foreach (var message in subscription.Msgs.ReadAllAsync().ConfigureAwait(false))
                {
                    try
                    {
                        await handler(message.Data ?? []).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        Log.ControlHandlerFailed(_logger, e);
                    }
                }
            },
            CancellationToken.None);
    }

    private async ValueTask OnDisconnectedAsync(object? sender, NatsEventArgs args)
    {
        if (Interlocked.Exchange(ref _disconnected, 1) == 1)
        {
            return;
        }

        Log.Disconnected(_logger, args.Message);
        if (_handler is IBrokerConnectivityHandler handler)
        {
            await handler.HandleDeliveryLostAsync(_subscriptions.Keys.ToList()).ConfigureAwait(false);
        }
    }

    private async ValueTask OnOpenedAsync(object? sender, NatsEventArgs args)
    {
        if (Interlocked.Exchange(ref _disconnected, 0) == 0)
        {
            return;
        }

        Log.Reconnected(_logger);
        if (_handler is IBrokerConnectivityHandler handler)
        {
            // The client resubscribes on reconnect; a round trip makes sure the server has those SUBs.
            try
            {
                await _connection.PingAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e))
            {
                return;
            }

            await handler.HandleDeliveryRestoredAsync(_subscriptions.Keys.ToList()).ConfigureAwait(false);
        }
    }
}
