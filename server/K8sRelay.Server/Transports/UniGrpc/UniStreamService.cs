using Grpc.Core;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Messages;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.UniGrpc;

/// <summary>
/// <c>CentrifugoUniStream.Consume</c> on the <c>uni_grpc</c> port: connects with the request and
/// streams pushes until the connection closes or the client cancels the call.
/// </summary>
internal sealed partial class UniStreamService : UniStreamServiceBase
{
    private readonly RelayNode _node;
    private readonly ConnectionGate _gate;
    private readonly ILogger<UniStreamService> _logger;

    public UniStreamService(RelayNode node, ConnectionGate gate, ILogger<UniStreamService> logger)
    {
        _node = node;
        _gate = gate;
        _logger = logger;
    }

    /// <inheritdoc />
    public override async Task Consume(ConnectRequest request, IServerStreamWriter<UniStreamFrame> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_gate.TryAdmit())
        {
            // Shutting down, or client.connection_limit / connection_rate_limit reached: the client retries later (or elsewhere).
            throw new RpcException(new Status(StatusCode.Unavailable, _node.IsShuttingDown ? "shutting down" : "connection limit reached"));
        }

        try
        {
            await ConsumeAdmittedAsync(request, responseStream, context).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ConsumeAdmittedAsync(ConnectRequest request, IServerStreamWriter<UniStreamFrame> responseStream, ServerCallContext context)
    {
        using var transport = new UniGrpcTransport(responseStream);
        var client = new ClientConnection(_node, transport, new ConnectionRequestInfo { RemoteAddress = context.Peer });
        try
        {
            var failure = await client.ConnectUnidirectionalAsync(request).ConfigureAwait(false);
            if (failure is not null)
            {
                await client.DisconnectAsync(UnidirectionalFailures.ToDisconnect(failure, _node.Config.Client)).ConfigureAwait(false);
                return;
            }

            await transport.Completion.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.CallEnded(_logger, client.ClientId);
        }
        finally
        {
            await client.OnTransportClosedAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3141, LogLevel.Debug, "Unidirectional GRPC call of client {ClientId} cancelled by the client")]
        public static partial void CallEnded(ILogger logger, string clientId);
    }
}
