namespace K8sRelay.Charts.Tests.Cel;

/// <summary>Kinds of CEL tokens.</summary>
public enum CelTokenKind
{
    /// <summary>A name: a variable, field, function, or true/false/null.</summary>
    Identifier,

    /// <summary>An integer literal.</summary>
    Integer,

    /// <summary>A floating-point literal.</summary>
    Double,

    /// <summary>A quoted string literal (Text holds the unquoted value).</summary>
    String,

    /// <summary>An operator or punctuation.</summary>
    Symbol,

    /// <summary>The end of the expression.</summary>
    End,
}
