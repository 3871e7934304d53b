namespace K8sRelay.Core.Auth;

/// <summary>The token is malformed, badly signed or has wrong claims. The message never contains the token.</summary>
public sealed class InvalidTokenException : Exception
{
    public InvalidTokenException()
        : base("invalid token")
    {
    }

    public InvalidTokenException(string message)
        : base(message)
    {
    }

    public InvalidTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
