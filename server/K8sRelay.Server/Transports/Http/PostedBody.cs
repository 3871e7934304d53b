namespace K8sRelay.Server.Transports.Http;

/// <summary>
/// The common start of the POST-only HTTP transport endpoints (HTTP-streaming, uni HTTP-streaming,
/// <c>/emulation</c>): CORS headers on every answer, <c>OPTIONS</c> preflight → 204, any other method than
/// POST → 405, a body over the endpoint's limit → 413.
/// </summary>
internal static class PostedBody
{
    /// <summary>Returns the request body, or null when the request was already answered here.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, OriginPolicy origins, int limit)
    {
        Cors.Apply(context, origins);
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            Cors.AnswerPreflight(context);
            return null;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return null;
        }

        var body = await RequestBody.ReadAsync(request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }

        return body;
    }
}
