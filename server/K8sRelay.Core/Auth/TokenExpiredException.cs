namespace K8sRelay.Core.Auth;

/// <summary>The token is expired or not valid yet (answered with 109 token expired).</summary>
public sealed class TokenExpiredException : Exception
{
    public TokenExpiredException()
        : base("token expired")
    {
    }

    public TokenExpiredException(string message)
        : base(message)
    {
    }

    public TokenExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
