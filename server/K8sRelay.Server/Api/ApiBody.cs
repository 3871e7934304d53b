namespace K8sRelay.Server.Api;

/// <summary>Reads a server API request body within the size limit.</summary>
internal static class ApiBody
{
    /// <summary>Largest accepted request body (10 MiB), so a huge body cannot exhaust memory.</summary>
    public const long DefaultLimit = 10 * 1024 * 1024;

    /// <summary>
    /// Returns the body, or null after answering 413 (over <paramref name="limit"/> bytes) or
    /// 500 (read failure) itself.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        if (limit > 0 && request.ContentLength > limit)
        {
            await RespondAsync(context, StatusCodes.Status413RequestEntityTooLarge, "Request Entity Too Large").ConfigureAwait(false);
            return null;
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            while (true)
            {
                var read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (limit > 0 && buffer.Length + read > limit)
                {
                    await RespondAsync(context, StatusCodes.Status413RequestEntityTooLarge, "Request Entity Too Large").ConfigureAwait(false);
                    return null;
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            await RespondAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task RespondAsync(HttpContext context, int status, string text)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text + "\n").ConfigureAwait(false);
    }
}
