namespace K8sRelay.Server.Transports.Http;

/// <summary>The response headers every streaming HTTP transport sends before its first message.</summary>
internal static class StreamingResponse
{
    /// <summary>Sets status 200 and the headers that keep proxies and browsers from caching or buffering the stream.</summary>
    public static void SetHeaders(HttpContext context, string? contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        if (context.Request.Protocol == "HTTP/1.1")
        {
            // Connection-specific headers are not allowed on HTTP/2.
            headers.Connection = "keep-alive";
        }

        headers["X-Accel-Buffering"] = "no";
        headers.CacheControl = "private, no-cache, no-store, must-revalidate, max-age=0";
        headers.Pragma = "no-cache";
        headers["Expire"] = "0";
        if (contentType is not null)
        {
            headers.ContentType = contentType;
        }
    }
}
