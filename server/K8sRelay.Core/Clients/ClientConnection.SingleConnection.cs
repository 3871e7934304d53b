using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Clients;

public sealed partial class ClientConnection
{
    /// <summary>
    /// <c>client.subscribe_to_user_personal_channel.single_connection</c>, as Centrifugo does it once a connection
    /// is established: when the presence of the user's personal channel counts two or more clients, every other
    /// connection of the user is disconnected with 3504 <c>connection limit</c> and the newest one stays. The
    /// personal channel's namespace must have presence on (the config validator checks). Presence spans the
    /// cluster, the disconnect covers this node's connections.
    /// </summary>
    /// <exception cref="DisconnectException">Presence or the disconnect could not be applied (3004, as Centrifugo).</exception>
    private async ValueTask EnforceSingleConnectionAsync(string user)
    {
        var personal = _node.Config.Client.SubscribeToUserPersonalChannel;
        if (!personal.Enabled || !personal.SingleConnection || user.Length == 0)
        {
            return;
        }

        var channel = _node.Channels.PersonalChannel(user, personal.PersonalChannelNamespace);
        try
        {
            var stats = await _node.Presence.PresenceStatsAsync(channel, _closing.Token).ConfigureAwait(false);
            if (stats.NumClients < 2)
            {
                return;
            }

            // Every node closes the user's other connections (this one is whitelisted).
            await _node.ApplyAsync(
                new UserCommand
                {
                    Kind = UserCommandKind.Disconnect,
                    User = user,
                    DisconnectReason = DisconnectReason.ConnectionLimit,
                    Whitelist = [ClientId],
                },
                _closing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SingleConnectionLog.Failed(_logger, ClientId, ex);
            throw new DisconnectException(DisconnectReason.ServerError);
        }
    }

    private static partial class SingleConnectionLog
    {
        [LoggerMessage(EventIds.CommandFailed, LogLevel.Error, "Client {ClientId}: older connections of its user could not be closed (single_connection)")]
        public static partial void Failed(ILogger logger, string clientId, Exception exception);
    }
}
