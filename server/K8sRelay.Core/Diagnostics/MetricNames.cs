namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// Names of the metrics <see cref="RelayMetrics"/> publishes. They are Centrifugo's own names, so dashboards and
/// alerts written for Centrifugo work unchanged; the few metrics Centrifugo does not have start with <c>k8srelay_</c>.
/// </summary>
public static class MetricNames
{
    /// <summary>Gauge: authenticated connections on this node.</summary>
    public const string NumClients = "centrifugo_node_num_clients";

    /// <summary>Gauge: distinct users with connections on this node.</summary>
    public const string NumUsers = "centrifugo_node_num_users";

    /// <summary>Gauge: channels with subscribers on this node.</summary>
    public const string NumChannels = "centrifugo_node_num_channels";

    /// <summary>Gauge: subscriptions on this node.</summary>
    public const string NumSubscriptions = "centrifugo_node_num_subscriptions";

    /// <summary>Gauge: nodes in the cluster as this node knows them.</summary>
    public const string NumNodes = "centrifugo_node_num_nodes";

    /// <summary>Gauge (always 1) labelled with the server <c>version</c>.</summary>
    public const string Build = "centrifugo_node_build";

    /// <summary>Gauge: <c>client.connection_limit</c> (0 = no limit).</summary>
    public const string ClientConnectionLimit = "centrifugo_node_client_connection_limit";

    /// <summary>Counter of messages this node sent to the broker, by <c>type</c> (publication, join, leave).</summary>
    public const string MessagesSent = "centrifugo_node_messages_sent_count";

    /// <summary>Counter of messages this node received from the broker, by <c>type</c>.</summary>
    public const string MessagesReceived = "centrifugo_node_messages_received_count";

    /// <summary>Counter of error replies to client commands, by <c>method</c> and <c>code</c>.</summary>
    public const string ReplyErrors = "centrifugo_client_num_reply_errors";

    /// <summary>Counter of disconnects the server initiated, by <c>code</c>.</summary>
    public const string ServerDisconnects = "centrifugo_client_num_server_disconnects";

    /// <summary>Counter of unsubscribes the server initiated, by <c>code</c>.</summary>
    public const string ServerUnsubscribes = "centrifugo_client_num_server_unsubscribes";

    /// <summary>Histogram of client command processing time in seconds, by <c>method</c>.</summary>
    public const string CommandDuration = "centrifugo_client_command_duration_seconds";

    /// <summary>Counter of successful connects, by <c>transport</c>, <c>client_name</c> and <c>client_version</c>.</summary>
    public const string ConnectionsAccepted = "centrifugo_client_connections_accepted";

    /// <summary>Gauge of open authenticated connections, by <c>transport</c>, <c>client_name</c> and <c>client_version</c>.</summary>
    public const string ConnectionsInflight = "centrifugo_client_connections_inflight";

    /// <summary>Gauge of subscriptions of this node's connections, by <c>client_name</c>.</summary>
    public const string SubscriptionsInflight = "centrifugo_client_subscriptions_inflight";

    /// <summary>
    /// Counter of recovery attempts on subscribe, by <c>recovered</c> (<c>yes</c>, <c>no</c>) and
    /// <c>has_recovered_publications</c> (<c>yes</c> when the recovery returned publications).
    /// </summary>
    public const string Recover = "centrifugo_client_recover";

    /// <summary>Histogram of the time in seconds from a server ping to the client's pong, by <c>transport</c>.</summary>
    public const string PingPongDuration = "centrifugo_client_ping_pong_duration_seconds";

    /// <summary>Counter of node actions (<see cref="NodeActions"/>), by <c>action</c>.</summary>
    public const string ActionCount = "centrifugo_node_action_count";

    /// <summary>Counter of protocol messages written to clients, by <c>transport</c>.</summary>
    public const string TransportMessagesSent = "centrifugo_transport_messages_sent";

    /// <summary>Counter of bytes of protocol messages written to clients, by <c>transport</c>.</summary>
    public const string TransportMessagesSentSize = "centrifugo_transport_messages_sent_size";

    /// <summary>Counter of frames read from clients, by <c>transport</c>.</summary>
    public const string TransportMessagesReceived = "centrifugo_transport_messages_received";

    /// <summary>Counter of bytes of frames read from clients, by <c>transport</c>.</summary>
    public const string TransportMessagesReceivedSize = "centrifugo_transport_messages_received_size";

    /// <summary>Histogram of server API command time in seconds, by <c>protocol</c> and <c>method</c>.</summary>
    public const string ApiCommandDuration = "centrifugo_api_command_duration_seconds";

    /// <summary>Counter of failed server API commands, by <c>protocol</c>, <c>method</c> and <c>error</c>.</summary>
    public const string ApiCommandErrors = "centrifugo_api_command_errors_total";

    /// <summary>Histogram of proxy (backend webhook) call time in seconds, by <c>protocol</c> and <c>type</c>.</summary>
    public const string ProxyDuration = "centrifugo_proxy_duration_seconds";

    /// <summary>Counter of failed proxy calls, by <c>protocol</c> and <c>type</c>.</summary>
    public const string ProxyErrors = "centrifugo_proxy_errors";

    /// <summary>Gauge: 1 while the node drains (not ready, moving its clients away), else 0.</summary>
    public const string Draining = "k8srelay_node_draining";
}
