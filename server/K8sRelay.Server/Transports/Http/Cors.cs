namespace K8sRelay.Server.Transports.Http;

/// <summary>
/// CORS for the HTTP transports (HTTP-streaming, SSE, <c>/emulation</c>, the unidirectional HTTP
/// transports, <c>/connection/init</c>) as Centrifugo does it: a request whose <c>Origin</c> passes
/// <c>client.allowed_origins</c> gets that origin echoed with credentials allowed; any other request
/// is still served, only without CORS headers (the browser then blocks it).
/// </summary>
internal static class Cors
{
    /// <summary>How long a browser may cache a preflight answer, in seconds.</summary>
    private const string PreflightMaxAge = "300";

    /// <summary>Adds the CORS response headers when the request's origin is allowed.</summary>
    public static void Apply(HttpContext context, OriginPolicy origins)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !origins.IsAllowed(origin))
        {
            return;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowCredentials = "true";
        var requested = context.Request.Headers.AccessControlRequestHeaders;
        if (requested.Count > 0)
        {
            headers.AccessControlAllowHeaders = requested;
        }
    }

    /// <summary>Answers a preflight <c>OPTIONS</c> request of a POST endpoint: 204 with the allowed methods.</summary>
    public static void AnswerPreflight(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowMethods = "POST, OPTIONS";
        headers.AccessControlMaxAge = PreflightMaxAge;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
