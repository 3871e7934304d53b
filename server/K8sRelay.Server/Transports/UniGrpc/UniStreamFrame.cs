namespace K8sRelay.Server.Transports.UniGrpc;

/// <summary>
/// One <c>Push</c> message of the unidirectional GRPC stream, already encoded (client protocol
/// Protobuf without its length prefix). Lets a prepared publication go out without re-encoding.
/// </summary>
internal sealed class UniStreamFrame
{
    public UniStreamFrame(ReadOnlyMemory<byte> payload) => Payload = payload;

    /// <summary>The encoded Push.</summary>
    public ReadOnlyMemory<byte> Payload { get; }
}
