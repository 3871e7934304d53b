namespace K8sRelay.Core.Clients;

/// <summary>
/// Why the connect of a unidirectional connection failed: either a protocol error (code below 3000,
/// e.g. 109 token expired) or a disconnect (e.g. 3500 invalid token). The transport decides how the
/// client learns about it: a disconnect push, a close frame or an HTTP status.
/// </summary>
/// <param name="Code">The error or disconnect code.</param>
/// <param name="Message">The error message or disconnect reason.</param>
/// <param name="IsDisconnect">True when the failure already is a disconnect and keeps its own code.</param>
public sealed record ConnectFailure(uint Code, string Message, bool IsDisconnect);
