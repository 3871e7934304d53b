using System.Net;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>A request the fake API server answers with a failure Status.</summary>
public sealed class FakeApiException(HttpStatusCode code, string reason, string message) : Exception(message)
{
    /// <summary>HTTP status.</summary>
    public HttpStatusCode Code { get; } = code;

    /// <summary>Status reason, for example NotFound or Conflict.</summary>
    public string Reason { get; } = reason;
}
