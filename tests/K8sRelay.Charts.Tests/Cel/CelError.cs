namespace K8sRelay.Charts.Tests.Cel;

/// <summary>
/// An evaluation error as a value. CEL errors propagate through most operators but are absorbed by a
/// logical operator whose other side decides the result (<c>true || error</c> is true).
/// </summary>
/// <param name="Message">What went wrong, as the API server words it (for example "no such key: enabled").</param>
public sealed record CelError(string Message);
