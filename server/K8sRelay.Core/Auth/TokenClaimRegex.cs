using System.Text.RegularExpressions;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Builds the <c>audience_regex</c> / <c>issuer_regex</c> matchers. The linear-time engine is used, as
/// Centrifugo's RE2 is, so a hostile claim cannot make matching slow; backreferences and lookarounds are
/// therefore not available (RE2 does not have them either).
/// </summary>
internal static class TokenClaimRegex
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Compiles a pattern.</summary>
    /// <exception cref="FormatException">The pattern is invalid or uses a construct the linear-time engine lacks.</exception>
    public static Regex Create(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
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
