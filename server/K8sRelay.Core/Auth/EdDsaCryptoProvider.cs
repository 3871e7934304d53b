using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Hands the JWT library an <see cref="EdDsaSignatureProvider"/> for <c>alg: EdDSA</c> with an
/// <see cref="Ed25519SecurityKey"/>, for verification only; declines every other algorithm, key and signing.
/// </summary>
internal sealed class EdDsaCryptoProvider : ICryptoProvider
{
    /// <inheritdoc />
    /// <remarks>The library passes the key and, when creating a provider, whether it will sign.</remarks>
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        algorithm == JwtAlgorithms.EdDsa
        && args.Length > 0
        && args[0] is Ed25519SecurityKey
        && (args.Length < 2 || args[1] is false);

    /// <inheritdoc />
    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw new NotSupportedException("only EdDSA verification with an Ed25519 key is provided");
        }

        return new EdDsaSignatureProvider((Ed25519SecurityKey)args[0]);
    }

    /// <inheritdoc />
    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
