using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Turns an HMAC secret into a signing key. The JWT library refuses secrets shorter than the hash size of the
/// algorithm (for example under 64 bytes for HS512), while Centrifugo accepts any non-empty secret (its
/// documentation uses <c>"secret"</c>). Every key therefore carries a provider factory whose
/// <see cref="HmacCryptoProvider"/> takes over exactly those short-secret cases, using .NET's built-in HMAC;
/// secrets long enough for the algorithm keep using the library's own provider.
/// </summary>
internal static class HmacKeys
{
    private static readonly CryptoProviderFactory Factory = new()
    {
        CustomCryptoProvider = new HmacCryptoProvider(),
    };

    /// <summary>Creates the key for a non-empty secret, taken as its UTF-8 bytes.</summary>
    public static SymmetricSecurityKey Create(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { CryptoProviderFactory = Factory };
    }
}
