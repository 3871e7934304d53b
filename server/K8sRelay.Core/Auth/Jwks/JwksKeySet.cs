using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth.Jwks;

/// <summary>
/// A downloaded JSON Web Key Set, indexed by <c>kid</c>. Keys without <c>kid</c> and keys whose <c>use</c> is
/// not <c>sig</c> are left out; the first key wins when a <c>kid</c> repeats. RSA, EC (P-256/384/521) and
/// OKP Ed25519 keys are usable; other key types and curves (Ed448, X25519, …) are kept but marked unsupported.
/// </summary>
internal sealed class JwksKeySet
{
    private readonly Dictionary<string, JwksKey> _keys;

    private JwksKeySet(Dictionary<string, JwksKey> keys, DateTimeOffset fetchedAt)
    {
        _keys = keys;
        FetchedAt = fetchedAt;
    }

    /// <summary>When the set was downloaded.</summary>
    public DateTimeOffset FetchedAt { get; }

    /// <summary>Number of keys kept.</summary>
    public int Count => _keys.Count;

    /// <summary>Looks a key up by <c>kid</c>.</summary>
    public bool TryGet(string keyId, out JwksKey key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>Parses a key set document.</summary>
    /// <exception cref="FormatException">The document is not JSON or has no <c>keys</c> array.</exception>
    public static JwksKeySet Parse(ReadOnlyMemory<byte> json, DateTimeOffset fetchedAt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new FormatException("the key set is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var keys)
                || keys.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("the key set has no keys array");
            }

            var result = new Dictionary<string, JwksKey>(StringComparer.Ordinal);
            foreach (var jwk in keys.EnumerateArray())
            {
                if (jwk.ValueKind == JsonValueKind.Object && ReadKey(jwk) is { } key)
                {
                    result.TryAdd(key.KeyId, key);
                }
            }

            return new JwksKeySet(result, fetchedAt);
        }
    }

    private static JwksKey? ReadKey(JsonElement jwk)
    {
        var kid = Text(jwk, "kid");
        var use = Text(jwk, "use");
        if (string.IsNullOrEmpty(kid) || (use is not null && use != "sig"))
        {
            return null;
        }

        var kty = Text(jwk, "kty") ?? string.Empty;
        var alg = Text(jwk, "alg");
        var crv = Text(jwk, "crv");
        try
        {
            return kty switch
            {
                "RSA" => new JwksKey(kid, kty, alg, crv, ReadRsa(jwk, kid), null),
                "EC" => new JwksKey(kid, kty, alg, crv, ReadEc(jwk, kid, crv), null),
                "OKP" when crv == "Ed25519" => new JwksKey(kid, kty, alg, crv, ReadEd25519(jwk, kid), null),
                "OKP" => new JwksKey(kid, kty, alg, crv, null, "only the Ed25519 curve is supported for OKP keys"),
                _ => new JwksKey(kid, kty, alg, crv, null, "unsupported key type"),
            };
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or InvalidOperationException)
        {
            return new JwksKey(kid, kty, alg, crv, null, "malformed key parameters");
        }
    }

    private static RsaSecurityKey ReadRsa(JsonElement jwk, string kid)
    {
        var parameters = new RSAParameters { Modulus = Bytes(jwk, "n"), Exponent = Bytes(jwk, "e") };
        return new RsaSecurityKey(RSA.Create(parameters)) { KeyId = kid };
    }

    private static ECDsaSecurityKey ReadEc(JsonElement jwk, string kid, string? crv)
    {
        var curve = crv switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            "P-521" => ECCurve.NamedCurves.nistP521,
            _ => throw new FormatException("unsupported curve"),
        };
        var parameters = new ECParameters { Curve = curve, Q = new ECPoint { X = Bytes(jwk, "x"), Y = Bytes(jwk, "y") } };
        return new ECDsaSecurityKey(ECDsa.Create(parameters)) { KeyId = kid };
    }

    private static Ed25519SecurityKey ReadEd25519(JsonElement jwk, string kid) =>
        Ed25519SecurityKey.FromPublicKey(Bytes(jwk, "x"), kid);

    private static string? Text(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Bytes(JsonElement jwk, string name) =>
        Text(jwk, name) is { Length: > 0 } text
            ? Base64Url.DecodeFromChars(text)
            : throw new FormatException("missing key parameter");
}
