using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace K8sRelay.Server.Transports.Http;

/// <summary>Reads a whole request body up to a size limit.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads the body. Returns null when it is larger than <paramref name="limit"/> bytes (answer 413);
    /// a limit of 0 or less means no limit.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var max = limit > 0 ? limit : int.MaxValue;
        if (request.ContentLength > max)
        {
            return null;
        }

        // The transport's own limit applies, not Kestrel's default one.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit > 0 ? limit + 1L : null;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and < 65536 ? (int)request.ContentLength : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > max)
            {
                return null;
            }
        }
    }
}
