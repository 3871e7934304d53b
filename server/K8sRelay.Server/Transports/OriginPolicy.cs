using System.Text.RegularExpressions;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Transports;

/// <summary>
/// <c>client.allowed_origins</c> as Centrifugo applies it: a request without an <c>Origin</c>
/// header always passes; with one, it must match a pattern (<c>*</c> matches any run of characters,
/// a lone <c>*</c> allows all); an empty list refuses every request that has an origin.
/// </summary>
public sealed class OriginPolicy
{
    private readonly Regex[] _patterns;
    private readonly bool _allowAll;

    public OriginPolicy(IEnumerable<string> allowedOrigins)
    {
        var list = allowedOrigins.ToList();
        _allowAll = list.Contains("*");
        _patterns = [.. list.Select(p => new Regex(
            "^" + Regex.Escape(p.ToLowerInvariant()).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)))];
    }

    public OriginPolicy(ClientConfig client)
        : this(client.AllowedOrigins)
    {
    }

    /// <summary>True when a request with this <c>Origin</c> header value (or none) may connect.</summary>
    public bool IsAllowed(string? origin)
    {
        if (string.IsNullOrEmpty(origin) || _allowAll)
        {
            return true;
        }

        var lowered = origin.ToLowerInvariant();
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(lowered))
            {
                return true;
            }
        }

        return false;
    }
}
