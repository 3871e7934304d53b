namespace K8sRelay.Core.Auth;

/// <summary>
/// The token could not be checked because a dependency is down: the JWKS endpoint did not answer in time,
/// answered with an error or sent an unusable key set, and no cached key could be used. This is not the
/// client's fault: answer it as a temporary internal error (<c>100 internal server error</c>, which
/// centrifuge-js retries with backoff) rather than <c>3500 invalid token</c>, which would end the client for good.
/// The message never contains the token or key material.
/// </summary>
public sealed class TokenVerificationUnavailableException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public TokenVerificationUnavailableException()
        : base("token verification keys unavailable")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TokenVerificationUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it.</summary>
    public TokenVerificationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
