namespace K8sRelay.Server.Transports.Http;

/// <summary>How the HTTP emulation endpoints tell Protobuf from JSON.</summary>
internal static class ProtocolSelection
{
    private const string ProtobufContentType = "application/octet-stream";

    /// <summary>True when the request body is Protobuf: <c>Content-Type</c> is exactly <c>application/octet-stream</c>.</summary>
    public static bool IsProtobuf(HttpRequest request) =>
        string.Equals(request.ContentType, ProtobufContentType, StringComparison.OrdinalIgnoreCase);
}
