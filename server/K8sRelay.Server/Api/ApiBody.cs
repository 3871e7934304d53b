using Microsoft.AspNetCore.Http.Features;

namespace K8sRelay.Server.Api;

/// <summary>Reads a server API request body within the size limit.</summary>
internal static class ApiBody
{
    /// <summary>
    /// Returns the body, or null after answering 413 (over <paramref name="limit"/> bytes) or
    /// 500 (read failure) itself.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        if (limit > 0 && request.ContentLength > limit)
        {
            await ApiResponses.PlainTextAsync(context, StatusCodes.Status413RequestEntityTooLarge, "Request Entity Too Large").ConfigureAwait(false);
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            // Our own limit applies; Kestrel's default must not cut in first.
            sizeFeature.MaxRequestBodySize = null;
        }

        try
        {
            if (request.ContentLength is { } length and <= int.MaxValue)
            {
                return await ReadExactAsync(context, (int)length).ConfigureAwait(false);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            while (true)
            {
                var read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (limit > 0 && buffer.Length + read > limit)
                {
                    await ApiResponses.PlainTextAsync(context, StatusCodes.Status413RequestEntityTooLarge, "Request Entity Too Large").ConfigureAwait(false);
                    return null;
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), context.RequestAborted).ConfigureAwait(false);
            }

            return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            await ApiResponses.PlainTextAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Reads a body of known length straight into one array (the common case: no copies).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadExactAsync(HttpContext context, int length)
    {
        var body = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await context.Request.Body.ReadAsync(body.AsMemory(filled), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return body.AsMemory(0, filled);
    }
}
