namespace K8sRelay.Protocol.Codecs;

/// <summary>Malformed client input. Transports answer it with disconnect 3501 (bad request).</summary>
public sealed class ProtocolDecodeException : Exception
{
    public ProtocolDecodeException()
    {
    }

    public ProtocolDecodeException(string message)
        : base(message)
    {
    }

    public ProtocolDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
