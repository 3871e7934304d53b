using System.Net;
using k8s.Autorest;

namespace K8sRelay.Operator.Runtime;

/// <summary>Helpers to read the HTTP status of API errors thrown by KubernetesClient.</summary>
public static class KubernetesErrors
{
    /// <summary>The HTTP status of an API error, or null for other exceptions.</summary>
    public static HttpStatusCode? StatusOf(Exception exception) => exception switch
    {
        HttpOperationException http => http.Response?.StatusCode,
        k8s.KubernetesException k when k.Status?.Code is int code => (HttpStatusCode)code,
        _ => null,
    };

    /// <summary>True for 404 Not Found.</summary>
    public static bool IsNotFound(Exception exception) => StatusOf(exception) == HttpStatusCode.NotFound;

    /// <summary>True for 409 Conflict (stale resourceVersion or AlreadyExists).</summary>
    public static bool IsConflict(Exception exception) => StatusOf(exception) == HttpStatusCode.Conflict;

    /// <summary>True for 410 Gone: the requested resourceVersion is too old to watch from.</summary>
    public static bool IsGone(Exception exception) => StatusOf(exception) == HttpStatusCode.Gone;
}
