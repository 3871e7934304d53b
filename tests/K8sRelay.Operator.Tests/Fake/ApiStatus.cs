using System.Net;
using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>Kubernetes Status objects for error replies.</summary>
public static class ApiStatus
{
    /// <summary>A failure Status.</summary>
    public static JsonObject Failure(HttpStatusCode code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = (int)code,
    };
}
