namespace K8sRelay.Protocol;

/// <summary>
/// Why the server closes a connection. Codes 3000–3499 and 4000–4499 let the client reconnect,
/// 3500–3999 and 4500–4999 are terminal. Reasons are plain text (never JSON) and at most 123 bytes
/// so they fit a WebSocket close frame. The predefined instances carry Centrifugo's exact values.
/// </summary>
/// <param name="Code">Disconnect code.</param>
/// <param name="Reason">Short plain-text reason.</param>
public sealed record DisconnectReason(uint Code, string Reason)
{
    public static readonly DisconnectReason ConnectionClosed = new(3000, "connection closed");
    public static readonly DisconnectReason Shutdown = new(3001, "shutdown");
    public static readonly DisconnectReason ServerError = new(3004, "internal server error");
    public static readonly DisconnectReason Expired = new(3005, "connection expired");
    public static readonly DisconnectReason SubExpired = new(3006, "subscription expired");
    public static readonly DisconnectReason Slow = new(3008, "slow");
    public static readonly DisconnectReason WriteError = new(3009, "write error");
    public static readonly DisconnectReason InsufficientState = new(3010, "insufficient state");
    public static readonly DisconnectReason ForceReconnect = new(3011, "force reconnect");
    public static readonly DisconnectReason NoPong = new(3012, "no pong");
    public static readonly DisconnectReason TooManyRequests = new(3013, "too many requests");
    public static readonly DisconnectReason StateInvalidated = new(3014, "state invalidated");
    public static readonly DisconnectReason InvalidToken = new(3500, "invalid token");
    public static readonly DisconnectReason BadRequest = new(3501, "bad request");
    public static readonly DisconnectReason Stale = new(3502, "stale");
    public static readonly DisconnectReason ForceNoReconnect = new(3503, "force disconnect");
    public static readonly DisconnectReason ConnectionLimit = new(3504, "connection limit");
    public static readonly DisconnectReason ChannelLimit = new(3505, "channel limit");
    public static readonly DisconnectReason InappropriateProtocol = new(3506, "inappropriate protocol");
    public static readonly DisconnectReason PermissionDenied = new(3507, "permission denied");
    public static readonly DisconnectReason NotAvailable = new(3508, "not available");
    public static readonly DisconnectReason TooManyErrors = new(3509, "too many errors");

    /// <summary>True when the client SDK reconnects after this disconnect.</summary>
    public bool Reconnect => Code is < 3500 or (>= 4000 and < 4500) or >= 5000;
}
