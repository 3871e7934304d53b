using K8sRelay.Protocol;

namespace K8sRelay.Server.Api;

/// <summary>An error answered by the server API: Centrifugo's code and a message that names the problem.</summary>
/// <param name="Code">API error code (100 internal, 102 unknown channel, 104 not found, 107 bad request, 108 not available, 112 unrecoverable position, 113 conflict).</param>
/// <param name="Message">Message; starts with Centrifugo's text for the code.</param>
public sealed record ApiError(uint Code, string Message)
{
    public static ApiError BadRequest(string detail) => new(ErrorCodes.BadRequest, "bad request: " + detail);

    public static ApiError UnknownChannel { get; } = new(ErrorCodes.UnknownChannel, "unknown channel");

    public static ApiError NotAvailable { get; } = new(ErrorCodes.NotAvailable, "not available");

    public static ApiError Internal { get; } = new(ErrorCodes.Internal, "internal server error");

    public static ApiError NotFound { get; } = new(ErrorCodes.MethodNotFound, "not found");

    /// <summary>Maps a protocol error raised by the core.</summary>
    public static ApiError From(ProtocolError error) => new(error.Code, error.Message);
}
