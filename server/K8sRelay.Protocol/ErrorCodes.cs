namespace K8sRelay.Protocol;

/// <summary>
/// Error codes sent in <c>Reply.error</c> (client protocol) and in server API responses.
/// The numbers and messages are a wire contract shared with Centrifugo and its SDKs.
/// </summary>
public static class ErrorCodes
{
    public const uint Internal = 100;
    public const uint Unauthorized = 101;
    public const uint UnknownChannel = 102;
    public const uint PermissionDenied = 103;
    public const uint MethodNotFound = 104;
    public const uint AlreadySubscribed = 105;
    public const uint LimitExceeded = 106;
    public const uint BadRequest = 107;
    public const uint NotAvailable = 108;
    public const uint TokenExpired = 109;
    public const uint Expired = 110;
    public const uint TooManyRequests = 111;
    public const uint UnrecoverablePosition = 112;
    public const uint Conflict = 113;
}
