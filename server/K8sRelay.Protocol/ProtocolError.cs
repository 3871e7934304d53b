namespace K8sRelay.Protocol;

/// <summary>
/// An error answered to one command: code, message and whether the client may retry.
/// The predefined instances carry Centrifugo's exact messages.
/// </summary>
/// <param name="Code">Error code (see <see cref="ErrorCodes"/>); 400–1999 are application codes.</param>
/// <param name="Message">Short message; the predefined ones are part of the wire contract.</param>
/// <param name="Temporary">True when the client should retry (internal errors, rate limits).</param>
public sealed record ProtocolError(uint Code, string Message, bool Temporary = false)
{
    public static readonly ProtocolError Internal = new(ErrorCodes.Internal, "internal server error", true);
    public static readonly ProtocolError Unauthorized = new(ErrorCodes.Unauthorized, "unauthorized");
    public static readonly ProtocolError UnknownChannel = new(ErrorCodes.UnknownChannel, "unknown channel");
    public static readonly ProtocolError PermissionDenied = new(ErrorCodes.PermissionDenied, "permission denied");
    public static readonly ProtocolError MethodNotFound = new(ErrorCodes.MethodNotFound, "method not found");
    public static readonly ProtocolError AlreadySubscribed = new(ErrorCodes.AlreadySubscribed, "already subscribed");
    public static readonly ProtocolError LimitExceeded = new(ErrorCodes.LimitExceeded, "limit exceeded");
    public static readonly ProtocolError BadRequest = new(ErrorCodes.BadRequest, "bad request");
    public static readonly ProtocolError NotAvailable = new(ErrorCodes.NotAvailable, "not available");
    public static readonly ProtocolError TokenExpired = new(ErrorCodes.TokenExpired, "token expired");
    public static readonly ProtocolError Expired = new(ErrorCodes.Expired, "expired");
    public static readonly ProtocolError TooManyRequests = new(ErrorCodes.TooManyRequests, "too many requests", true);
    public static readonly ProtocolError UnrecoverablePosition = new(ErrorCodes.UnrecoverablePosition, "unrecoverable position");
    public static readonly ProtocolError Conflict = new(ErrorCodes.Conflict, "concurrent pagination", true);

    /// <summary>Converts to the protobuf message used in replies.</summary>
    public Messages.Error ToMessage() => new() { Code = Code, Message = Message, Temporary = Temporary };
}
