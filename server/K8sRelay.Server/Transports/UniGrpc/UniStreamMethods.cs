using Grpc.Core;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Server.Transports.UniGrpc;

/// <summary>
/// The GRPC method <c>centrifugal.centrifugo.unistream.CentrifugoUniStream/Consume</c> as the server
/// binds it: the request is parsed straight into the client protocol's <see cref="ConnectRequest"/>
/// (the field numbers are the same) and responses are written as already encoded pushes.
/// </summary>
internal static class UniStreamMethods
{
    /// <summary>The GRPC service name.</summary>
    public const string ServiceName = "centrifugal.centrifugo.unistream.CentrifugoUniStream";

    /// <summary>The server-streaming Consume method.</summary>
    public static Method<ConnectRequest, UniStreamFrame> Consume { get; } = new(
        MethodType.ServerStreaming,
        ServiceName,
        "Consume",
        Marshallers.Create(request => Google.Protobuf.MessageExtensions.ToByteArray(request), ConnectRequest.Parser.ParseFrom),
        new Marshaller<UniStreamFrame>(SerializeFrame, _ => throw new NotSupportedException("the server never reads pushes")));

    private static void SerializeFrame(UniStreamFrame frame, SerializationContext context)
    {
        context.SetPayloadLength(frame.Payload.Length);
        var writer = context.GetBufferWriter();
        frame.Payload.Span.CopyTo(writer.GetSpan(frame.Payload.Length));
        writer.Advance(frame.Payload.Length);
        context.Complete();
    }
}
