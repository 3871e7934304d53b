using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;

namespace K8sRelay.Core.Transports;

/// <summary>
/// One client connection's way out: writes frames and closes. Implemented by each transport
/// (WebSocket, HTTP-streaming, SSE, …). Calls to <see cref="WriteAsync"/> never overlap: the
/// connection's single writer loop is the only caller.
/// </summary>
public interface ITransport
{
    /// <summary>Transport name as Centrifugo reports it: websocket, http_stream, sse, uni_websocket, …</summary>
    string Name { get; }

    /// <summary>Encoding used on this transport.</summary>
    ProtocolType Protocol { get; }

    /// <summary>True for unidirectional transports (pushes sent bare, no commands read).</summary>
    bool Unidirectional { get; }

    /// <summary>True for bidirectional emulation (HTTP-streaming, SSE): connect results carry session and node.</summary>
    bool Emulation { get; }

    /// <summary>
    /// Writes a batch of encoded messages as the transport frames them (JSON WebSocket: one frame,
    /// messages joined by <c>\n</c>; HTTP-stream: each message followed by <c>\n</c>; SSE: one event
    /// per message; Protobuf: concatenated, already length-prefixed).
    /// </summary>
    ValueTask WriteAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken);

    /// <summary>Closes the transport, telling the client why (close frame or disconnect push).</summary>
    ValueTask CloseAsync(DisconnectReason disconnect);
}
