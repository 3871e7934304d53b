using System.Text.Json;

namespace K8sRelay.Server.Api;

/// <summary>Writes the HTTP responses of the server API.</summary>
internal static class ApiResponses
{
    /// <summary>Plain-text status answer such as <c>Bad Request</c>, as Go's <c>http.Error</c> writes it.</summary>
    public static async Task PlainTextAsync(HttpContext context, int status, string text)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await context.Response.WriteAsync(text + "\n").ConfigureAwait(false);
    }

    /// <summary>A 200 JSON answer written by <paramref name="write"/>.</summary>
    public static async Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true });
        await using (writer.ConfigureAwait(false))
        {
            write(writer);
            await writer.FlushAsync().ConfigureAwait(false);
        }
    }
}
