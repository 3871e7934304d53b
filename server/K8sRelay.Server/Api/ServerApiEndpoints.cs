using System.Text.Json;
using K8sRelay.Core.Node;
using K8sRelay.Server.Diagnostics;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>
/// Maps the HTTP API: <c>POST {http_api.handler_prefix}/&lt;method&gt;</c> (per-method routes and
/// <c>batch</c>) and <c>POST {http_api.handler_prefix}</c> (the legacy newline-delimited format).
/// Checks run in Centrifugo's order: POST (else 405), API key (else 401 with an empty body), body
/// size (else 413), then the method.
/// </summary>
internal static class ServerApiEndpoints
{
    /// <summary>Request header that switches one request to transport error mode.</summary>
    public const string ErrorModeHeader = "X-Centrifugo-Error-Mode";

    /// <summary>The error mode in which errors become HTTP (or GRPC) statuses.</summary>
    public const string TransportErrorMode = "transport";

    public static void MapServerApi(this IEndpointRouteBuilder endpoints, RelayNode node)
    {
        var prefix = node.Config.HttpApi.HandlerPrefix.TrimEnd('/');
        endpoints.Map(prefix.Length == 0 ? "/" : prefix, HandleLegacyAsync);
        endpoints.Map(prefix + "/{method}", HandleMethodAsync);
    }

    private static async Task HandleMethodAsync(HttpContext context, string method, ServerApiExecutor executor, ApiKeyCheck keys, ServerApiOptions options, RelayNode node)
    {
        var body = await AdmitAsync(context, keys, options).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (method == "batch")
        {
            await HandleBatchAsync(context, body.Value, executor).ConfigureAwait(false);
            return;
        }

        Reply reply;
        try
        {
            Command? command;
            using (var document = ApiJsonReader.ParseObject(body.Value))
            {
                command = ApiRequestParser.Parse(method, document.RootElement);
            }

            if (command is null)
            {
                await ApiResponses.PlainTextAsync(context, StatusCodes.Status404NotFound, "404 page not found").ConfigureAwait(false);
                return;
            }

            reply = await executor.ExecuteAsync(command, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ApiBadRequestException ex)
        {
            await ApiResponses.PlainTextAsync(context, StatusCodes.Status400BadRequest, "Bad Request: " + ex.Message).ConfigureAwait(false);
            return;
        }

        if (reply.Error is { } apiError)
        {
            ApiCallErrors.Mark(context, apiError.Code);
        }

        if (reply.Error is { } error && UsesTransportErrors(context, node))
        {
            await ApiResponses.JsonAsync(context, ApiErrors.HttpStatus(error), writer => ApiJsonWriter.WriteError(writer, error)).ConfigureAwait(false);
            return;
        }

        await ApiResponses.JsonAsync(context, StatusCodes.Status200OK, writer => ApiJsonWriter.WriteEnvelope(writer, reply)).ConfigureAwait(false);
    }

    private static async Task HandleBatchAsync(HttpContext context, ReadOnlyMemory<byte> body, ServerApiExecutor executor)
    {
        List<Command?> commands;
        bool parallel;
        try
        {
            using var document = ApiJsonReader.ParseObject(body);
            var root = document.RootElement;
            parallel = ApiJsonReader.Bool(root, "parallel");
            commands = [];
            if (ApiJsonReader.TryGet(root, "commands", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new ApiBadRequestException("field \"commands\" must be an array");
                }

                foreach (var item in list.EnumerateArray())
                {
                    commands.Add(ApiRequestParser.ParseBatchCommand(item));
                }
            }
        }
        catch (ApiBadRequestException ex)
        {
            await ApiResponses.PlainTextAsync(context, StatusCodes.Status400BadRequest, "Bad Request: " + ex.Message).ConfigureAwait(false);
            return;
        }

        var response = await executor.BatchAsync(commands, parallel, "http", context.RequestAborted).ConfigureAwait(false);
        await ApiResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("replies");
            foreach (var reply in response.Replies)
            {
                ApiJsonWriter.WriteBatchReply(writer, reply);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task HandleLegacyAsync(HttpContext context, ServerApiExecutor executor, ApiKeyCheck keys, ServerApiOptions options, RelayNode node)
    {
        var body = await AdmitAsync(context, keys, options).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (node.IsShuttingDown)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await LegacyApiHandler.HandleAsync(context, body.Value, executor).ConfigureAwait(false);
    }

    /// <summary>Runs the 405, 401 and body checks; returns the body, or null when already answered.</summary>
    private static async Task<ReadOnlyMemory<byte>?> AdmitAsync(HttpContext context, ApiKeyCheck keys, ServerApiOptions options)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return null;
        }

        if (!keys.IsAuthorized(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        return await ApiBody.ReadAsync(context, options.MaxRequestBodySize).ConfigureAwait(false);
    }

    private static bool UsesTransportErrors(HttpContext context, RelayNode node) =>
        string.Equals(context.Request.Headers[ErrorModeHeader].ToString(), TransportErrorMode, StringComparison.OrdinalIgnoreCase)
        || string.Equals(node.Config.HttpApi.ErrorMode, TransportErrorMode, StringComparison.OrdinalIgnoreCase);
}
