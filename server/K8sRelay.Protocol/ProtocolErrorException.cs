namespace K8sRelay.Protocol;

/// <summary>Thrown by command handlers to answer a command with a protocol error.</summary>
public sealed class ProtocolErrorException : Exception
{
    public ProtocolErrorException(ProtocolError error)
        : base(error.Message) => Error = error;

    public ProtocolErrorException()
        : this(ProtocolError.Internal)
    {
    }

    public ProtocolErrorException(string message)
        : this(new ProtocolError(ErrorCodes.Internal, message, true))
    {
    }

    public ProtocolErrorException(string message, Exception innerException)
        : base(message, innerException) => Error = ProtocolError.Internal;

    /// <summary>The error to send.</summary>
    public ProtocolError Error { get; }
}
