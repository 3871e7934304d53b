namespace K8sRelay.Protocol;

/// <summary>Thrown by command handlers when the connection must be closed with a disconnect code.</summary>
public sealed class DisconnectException : Exception
{
    public DisconnectException(DisconnectReason disconnect)
        : base(disconnect.Reason) => Disconnect = disconnect;

    public DisconnectException()
        : this(DisconnectReason.ServerError)
    {
    }

    public DisconnectException(string message)
        : this(new DisconnectReason(3004, message))
    {
    }

    public DisconnectException(string message, Exception innerException)
        : base(message, innerException) => Disconnect = DisconnectReason.ServerError;

    /// <summary>How to close the connection.</summary>
    public DisconnectReason Disconnect { get; }
}
