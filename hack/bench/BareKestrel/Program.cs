// A bare Kestrel endpoint for the API benchmark: POST /api/publish reads the body, checks the
// key header and answers {"result":{}} — the least work a publish endpoint can do over HTTP.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
var app = builder.Build();
var answer = "{\"result\":{}}"u8.ToArray();
app.MapPost("/api/publish", async (HttpContext context) =>
{
    if (context.Request.Headers["X-API-Key"] != "bench-key")
    {
        context.Response.StatusCode = 401;
        return;
    }

    var buffer = new byte[16 * 1024];
    while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false) > 0)
    {
    }

    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
});
await app.RunAsync().ConfigureAwait(false);
