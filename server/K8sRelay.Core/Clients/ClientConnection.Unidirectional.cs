using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    /// <summary>
    /// Connects a unidirectional connection with the bare connect request the client sent. On
    /// success the connect push is queued and null is returned. On failure nothing is sent and the
    /// connection stays open but unconnected: the transport turns the failure into a disconnect
    /// (push, close frame) or an HTTP response, then calls <see cref="DisconnectAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The transport is bidirectional.</exception>
    public async Task<ConnectFailure?> ConnectUnidirectionalAsync(ConnectRequest request)
    {
        if (!Unidirectional)
        {
            throw new InvalidOperationException("ConnectUnidirectionalAsync needs a unidirectional transport");
        }

        try
        {
            var connected = await HandleConnectAsync(new Command { Id = 1, Connect = request }).ConfigureAwait(false);
            return connected ? null : ToFailure(DisconnectReason.ConnectionClosed);
        }
        catch (ProtocolErrorException ex)
        {
            return new ConnectFailure(ex.Error.Code, ex.Error.Message, IsDisconnect: false);
        }
        catch (DisconnectException ex)
        {
            return ToFailure(ex.Disconnect);
        }
        catch (OperationCanceledException) when (_state == ConnectionState.Closed)
        {
            return ToFailure(DisconnectReason.ConnectionClosed);
        }
        catch (Exception ex)
        {
            Log.CommandFailed(_logger, ClientId, ex);
            return new ConnectFailure(ProtocolError.Internal.Code, ProtocolError.Internal.Message, IsDisconnect: false);
        }
    }

    private static ConnectFailure ToFailure(DisconnectReason reason) => new(reason.Code, reason.Reason, IsDisconnect: true);
}
