namespace K8sRelay.Core.Clients;

/// <summary>Life cycle of a client connection.</summary>
internal enum ConnectionState
{
    /// <summary>Waiting for the connect command.</summary>
    Connecting,

    /// <summary>Authenticated: commands are accepted.</summary>
    Connected,

    /// <summary>Connect was answered with an error: anything else ends the connection.</summary>
    ConnectFailed,

    /// <summary>Closed; nothing more is read or written.</summary>
    Closed,
}
