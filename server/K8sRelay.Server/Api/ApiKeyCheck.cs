using System.Security.Cryptography;
using System.Text;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Api;

/// <summary>
/// Server API authentication as Centrifugo does it: <c>X-API-Key</c>, else <c>Authorization: apikey KEY</c>
/// (scheme case-insensitive), else <c>?api_key=</c>; constant-time comparison; an empty configured
/// key refuses everything unless <c>http_api.insecure</c> is on.
/// </summary>
public sealed class ApiKeyCheck
{
    private readonly byte[] _key;
    private readonly byte[] _keyHash;
    private readonly bool _insecure;

    public ApiKeyCheck(HttpApiConfig config)
    {
        _key = Encoding.UTF8.GetBytes(config.Key ?? string.Empty);
        _keyHash = SHA256.HashData(_key);
        _insecure = config.Insecure;
    }

    /// <summary>True when the request carries the right key (or the API is insecure).</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        if (_insecure)
        {
            return true;
        }

        if (_key.Length == 0)
        {
            return false;
        }

        if (request.Headers.TryGetValue("X-API-Key", out var header) && header.Count > 0)
        {
            if (Matches(header.ToString()))
            {
                return true;
            }
        }
        else if (request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            var parts = authorization.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0].Equals("apikey", StringComparison.OrdinalIgnoreCase) && Matches(parts[1]))
            {
                return true;
            }
        }

        return request.Query.TryGetValue("api_key", out var query) && Matches(query.ToString());
    }

    // Both sides are hashed first so the comparison time reveals neither the key nor its length.
    private bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _keyHash);
}
