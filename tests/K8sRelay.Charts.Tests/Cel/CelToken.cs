namespace K8sRelay.Charts.Tests.Cel;

/// <summary>One token of a CEL expression.</summary>
/// <param name="Kind">What kind of token.</param>
/// <param name="Text">Its text; the unquoted value for strings.</param>
/// <param name="Position">Offset in the expression, for messages.</param>
public readonly record struct CelToken(CelTokenKind Kind, string Text, int Position);
