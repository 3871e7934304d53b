using System.Text.Json;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Api;

/// <summary>Maps <c>POST {http_api.handler_prefix}/&lt;method&gt;</c> to the executor.</summary>
internal static class ServerApiEndpoints
{
    public static void MapServerApi(this IEndpointRouteBuilder endpoints, RelayNode node)
    {
        var prefix = node.Config.HttpApi.HandlerPrefix.TrimEnd('/');
        endpoints.Map(prefix + "/{method}", HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context, string method, ServerApiExecutor executor, ApiKeyCheck keys, RelayNode node)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!keys.IsAuthorized(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = await ApiBody.ReadAsync(context, ApiBody.DefaultLimit).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        ApiResult result;
        try
        {
            result = method switch
            {
                "publish" => await executor.PublishAsync(ApiRequestParser.Publish(body.Value), context.RequestAborted).ConfigureAwait(false),
                "broadcast" => await executor.BroadcastAsync(ApiRequestParser.Broadcast(body.Value), context.RequestAborted).ConfigureAwait(false),
                _ => ApiResult.Fail(ApiError.NotFound),
            };
        }
        catch (ApiBadRequestException ex)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Bad Request: " + ex.Message + "\n").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        result.WriteEnvelope(writer);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
