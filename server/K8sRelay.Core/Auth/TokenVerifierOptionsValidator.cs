using System.Text.RegularExpressions;
using K8sRelay.Core.Auth.Jwks;
using Microsoft.Extensions.Options;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Checks a <see cref="TokenVerifierOptions"/> before use: PEM keys load, regexes compile, <c>user_id_claim</c>
/// has the allowed shape, the JWKS URL is an http(s) URL whose placeholders are regex groups, and the limits
/// are positive. Every message names the config key (for example <c>client.token.rsa_public_key</c>) and never
/// contains a secret or key material.
/// </summary>
/// <remarks>
/// As a named-options validator it uses the options name as the config section when that name is
/// <see cref="TokenVerifierOptions.SubscriptionTokenSection"/>, and <see cref="TokenVerifierOptions.ConnectionTokenSection"/>
/// otherwise.
/// </remarks>
public sealed partial class TokenVerifierOptionsValidator : IValidateOptions<TokenVerifierOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TokenVerifierOptions options)
    {
        var section = name == TokenVerifierOptions.SubscriptionTokenSection
            ? TokenVerifierOptions.SubscriptionTokenSection
            : TokenVerifierOptions.ConnectionTokenSection;
        var errors = GetErrors(options, section);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Returns every problem of <paramref name="options"/>, each naming <c>{section}.{key}</c>; empty when valid.</summary>
    public static IReadOnlyList<string> GetErrors(TokenVerifierOptions options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (!string.IsNullOrEmpty(options.UserIdClaim) && !UserIdClaimPattern().IsMatch(options.UserIdClaim))
        {
            errors.Add($"{section}.user_id_claim must match ^[a-zA-Z_]+$");
        }

        if (!string.IsNullOrEmpty(options.HmacPreviousSecretKey) && string.IsNullOrEmpty(options.HmacSecretKey))
        {
            errors.Add($"{section}.hmac_previous_secret_key is set but {section}.hmac_secret_key is empty");
        }

        if (!string.IsNullOrEmpty(options.RsaPublicKey))
        {
            try
            {
                PemPublicKeys.LoadRsa(options.RsaPublicKey).Dispose();
            }
            catch (FormatException ex)
            {
                errors.Add($"{section}.rsa_public_key is not a valid RSA public key: {ex.Message}");
            }
        }

        if (!string.IsNullOrEmpty(options.EcdsaPublicKey))
        {
            try
            {
                PemPublicKeys.LoadEcdsa(options.EcdsaPublicKey).Dispose();
            }
            catch (FormatException ex)
            {
                errors.Add($"{section}.ecdsa_public_key is not a valid ECDSA public key: {ex.Message}");
            }
        }

        var groups = new HashSet<string>(StringComparer.Ordinal);
        CheckClaimPair(options.Audience, options.AudienceRegex, "audience", section, errors, groups);
        CheckClaimPair(options.Issuer, options.IssuerRegex, "issuer", section, errors, groups);
        CheckJwksEndpoint(options.JwksPublicEndpoint, section, errors, groups);
        CheckLimits(options, section, errors);
        return errors;
    }

    /// <summary>Throws when <paramref name="options"/> has any problem.</summary>
    /// <exception cref="OptionsValidationException">With every problem found.</exception>
    public static void ThrowIfInvalid(TokenVerifierOptions options, string section)
    {
        var errors = GetErrors(options, section);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(section, typeof(TokenVerifierOptions), errors);
        }
    }

    private static void CheckClaimPair(
        string exact, string pattern, string key, string section, List<string> errors, HashSet<string> groups)
    {
        if (!string.IsNullOrEmpty(exact) && !string.IsNullOrEmpty(pattern))
        {
            errors.Add($"{section}.{key} and {section}.{key}_regex cannot both be set; configure only one of them");
        }

        if (string.IsNullOrEmpty(pattern))
        {
            return;
        }

        try
        {
            var regex = TokenClaimRegex.Create(pattern);
            groups.UnionWith(TokenClaimRegex.NamedGroups(regex));
        }
        catch (FormatException ex)
        {
            errors.Add($"{section}.{key}_regex is not a valid regular expression: {ex.Message}");
        }
    }

    private static void CheckJwksEndpoint(string endpoint, string section, List<string> errors, HashSet<string> groups)
    {
        if (string.IsNullOrEmpty(endpoint))
        {
            return;
        }

        JwksUrlTemplate template;
        try
        {
            template = JwksUrlTemplate.Parse(endpoint);
        }
        catch (FormatException ex)
        {
            errors.Add($"{section}.jwks_public_endpoint is not a valid template: {ex.Message}");
            return;
        }

        if (!Uri.TryCreate(template.ExpandWithSample(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{section}.jwks_public_endpoint must be an absolute http:// or https:// URL");
        }

        foreach (var variable in template.Variables.Where(v => !groups.Contains(v)))
        {
            errors.Add(
                $"{section}.jwks_public_endpoint uses {{{{{variable}}}}} but no named group '{variable}' exists in " +
                $"{section}.issuer_regex or {section}.audience_regex");
        }
    }

    private static void CheckLimits(TokenVerifierOptions options, string section, List<string> errors)
    {
        if (options.MaxTokenLength <= 0)
        {
            errors.Add($"{section}.max_token_length must be positive");
        }

        if (options.JwksCacheTtl <= TimeSpan.Zero)
        {
            errors.Add($"{section}.jwks_cache_ttl must be positive");
        }

        if (options.JwksRequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}.jwks_request_timeout must be positive");
        }

        if (options.JwksRetries is < 0 or > 5)
        {
            errors.Add($"{section}.jwks_retries must be between 0 and 5");
        }

        if (options.JwksMinRefreshInterval < TimeSpan.Zero)
        {
            errors.Add($"{section}.jwks_min_refresh_interval must not be negative");
        }
    }

    [GeneratedRegex("^[a-zA-Z_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdClaimPattern();
}
