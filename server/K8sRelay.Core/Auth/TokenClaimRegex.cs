using System.Text.RegularExpressions;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Builds the <c>audience_regex</c> / <c>issuer_regex</c> matchers. The linear-time engine is used, as
/// Centrifugo's RE2 is, so a hostile claim cannot make matching slow; backreferences and lookarounds are
/// therefore not available (RE2 does not have them either). Named groups may be written in Go's
/// <c>(?P&lt;name&gt;…)</c> form, as Centrifugo configs do, or in .NET's <c>(?&lt;name&gt;…)</c>.
/// </summary>
internal static class TokenClaimRegex
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // "(?P<" that is not itself escaped: preceded by an even number of backslashes.
    private static readonly Regex GoNamedGroup = new(@"(?<=(?:^|[^\\])(?:\\\\)*)\(\?P<", RegexOptions.CultureInvariant);

    /// <summary>Compiles a pattern.</summary>
    /// <exception cref="FormatException">The pattern is invalid or uses a construct the linear-time engine lacks.</exception>
    public static Regex Create(string pattern)
    {
        try
        {
            var dotnetPattern = GoNamedGroup.Replace(pattern, "(?<");
            return new Regex(dotnetPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message);
        }
        catch (NotSupportedException ex)
        {
            throw new FormatException(ex.Message);
        }
    }

    /// <summary>The names of the named groups of a pattern (numbered groups left out).</summary>
    public static IEnumerable<string> NamedGroups(Regex regex) =>
        regex.GetGroupNames().Where(name => !int.TryParse(name, out _));
}
