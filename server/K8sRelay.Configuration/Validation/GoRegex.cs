using System.Text.RegularExpressions;

namespace K8sRelay.Configuration.Validation;

/// <summary>
/// Centrifugo configs carry Go (RE2) regular expressions; the one construct .NET spells differently
/// in practice is the named group <c>(?P&lt;name&gt;…)</c>. This rewrites it to <c>(?&lt;name&gt;…)</c>.
/// </summary>
public static partial class GoRegex
{
    /// <summary>Turns a Go regular expression into the equivalent .NET pattern.</summary>
    public static string ToDotNet(string pattern) =>
        pattern.Contains("(?P<", StringComparison.Ordinal) ? GoNamedGroup().Replace(pattern, "(?<") : pattern;

    /// <summary>Compiles a Go regular expression with a match timeout.</summary>
    public static Regex Compile(string pattern, RegexOptions options = RegexOptions.CultureInvariant) =>
        new(ToDotNet(pattern), options, TimeSpan.FromMilliseconds(100));

    // "(?P<" not preceded by an odd number of backslashes.
    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)\(\?P<", RegexOptions.CultureInvariant)]
    private static partial Regex GoNamedGroup();
}
