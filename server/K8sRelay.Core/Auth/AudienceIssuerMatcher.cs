using System.Text.RegularExpressions;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Checks <c>aud</c> and <c>iss</c> against the configured exact values or regexes, and collects the named
/// regex groups that fill the JWKS URL placeholders. Regexes search (unanchored), as Centrifugo's do: anchor
/// them with <c>^…$</c> to require a whole-value match. Thread-safe.
/// </summary>
internal sealed class AudienceIssuerMatcher
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    private readonly string _audience;
    private readonly string _issuer;
    private readonly Regex? _audienceRegex;
    private readonly Regex? _issuerRegex;

    public AudienceIssuerMatcher(TokenVerifierOptions options)
    {
        _audience = options.Audience ?? string.Empty;
        _issuer = options.Issuer ?? string.Empty;
        _audienceRegex = string.IsNullOrEmpty(options.AudienceRegex) ? null : TokenClaimRegex.Create(options.AudienceRegex);
        _issuerRegex = string.IsNullOrEmpty(options.IssuerRegex) ? null : TokenClaimRegex.Create(options.IssuerRegex);
    }

    /// <summary>Checks the claims and returns the placeholder values (issuer groups first, audience groups override).</summary>
    /// <exception cref="InvalidTokenException">The audience or issuer does not match.</exception>
    public IReadOnlyDictionary<string, string> Check(RegisteredClaims claims)
    {
        if (!string.IsNullOrEmpty(_audience) && !claims.Audience.Contains(_audience, StringComparer.Ordinal))
        {
            throw new InvalidTokenException("invalid audience");
        }

        if (!string.IsNullOrEmpty(_issuer) && !string.Equals(claims.Issuer, _issuer, StringComparison.Ordinal))
        {
            throw new InvalidTokenException("invalid issuer");
        }

        if (_issuerRegex is null && _audienceRegex is null)
        {
            return NoVariables;
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (_issuerRegex is not null && !TryMatch(_issuerRegex, claims.Issuer ?? string.Empty, variables))
            {
                throw new InvalidTokenException("issuer not matched");
            }

            if (_audienceRegex is not null && !claims.Audience.Any(aud => TryMatch(_audienceRegex, aud, variables)))
            {
                throw new InvalidTokenException("audience not matched");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw new InvalidTokenException("audience or issuer could not be matched in time");
        }

        return variables;
    }

    private static bool TryMatch(Regex regex, string value, Dictionary<string, string> variables)
    {
        var match = regex.Match(value);
        if (!match.Success)
        {
            return false;
        }

        foreach (var name in TokenClaimRegex.NamedGroups(regex))
        {
            if (match.Groups[name] is { Success: true } group)
            {
                variables[name] = group.Value;
            }
        }

        return true;
    }
}
