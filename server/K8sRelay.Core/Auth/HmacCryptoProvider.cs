using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Hands the JWT library an <see cref="HmacSignatureProvider"/> for HS256/HS384/HS512 when the secret is shorter
/// than the algorithm's hash, which the library's own provider refuses; declines every other case so the
/// library's provider is used.
/// </summary>
internal sealed class HmacCryptoProvider : ICryptoProvider
{
    /// <inheritdoc />
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        args.Length > 0 && args[0] is SymmetricSecurityKey key && key.KeySize < HashBits(algorithm);

    /// <inheritdoc />
    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw new NotSupportedException("only short-secret HS256, HS384 and HS512 are provided");
        }

        return new HmacSignatureProvider((SymmetricSecurityKey)args[0], algorithm);
    }

    /// <inheritdoc />
    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static int HashBits(string algorithm) => algorithm switch
    {
        "HS256" => 256,
        "HS384" => 384,
        "HS512" => 512,
        _ => 0,
    };
}
