namespace K8sRelay.Operator.Runtime;

/// <summary>
/// Lets the generic custom-object operations of KubernetesClient reach core-group kinds: a request built for
/// group "" has the path /apis//v1/..., which the API server serves as /api/v1/....
/// </summary>
public sealed class CoreGroupPathHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.Contains("/apis//", StringComparison.Ordinal))
        {
            var builder = new UriBuilder(uri) { Path = uri.AbsolutePath.Replace("/apis//", "/api/", StringComparison.Ordinal) };
            request.RequestUri = builder.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
