namespace K8sRelay.Core.Auth;

/// <summary>The outcome of <see cref="TokenCheck"/>: whether the token verified and a readable description.</summary>
/// <param name="IsValid">True when the token verified (the CLI exits 0), false otherwise (exit 1).</param>
/// <param name="Text">Human-readable lines: the claims of a valid token, or why it was rejected.</param>
public sealed record TokenCheckResult(bool IsValid, string Text);
