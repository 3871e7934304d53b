namespace K8sRelay.Server.Api;

/// <summary>The request body could not be decoded as the method's request object (HTTP 400).</summary>
public sealed class ApiBadRequestException : Exception
{
    public ApiBadRequestException()
    {
    }

    public ApiBadRequestException(string message)
        : base(message)
    {
    }

    public ApiBadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
