using System.Buffers;
using System.Text.Json;
using K8sRelay.Server.Diagnostics;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>
/// The legacy single endpoint (<c>POST /api</c>) used by cent.js pipelines and older API clients:
/// the body is one or more <c>{"id"?,"method","params"}</c> objects separated by whitespace
/// (usually newlines); the answer is one <c>{"id"?,"result"|"error"}</c> object per command,
/// joined by newlines. <c>method</c> is a name (any letter case) or the legacy method number.
/// A syntactically broken body is HTTP 400; bad params or an unknown method only fail that reply.
/// </summary>
internal static class LegacyApiHandler
{
    /// <summary>Legacy method numbers, in order: 0 publish … 12 refresh.</summary>
    private static readonly string[] MethodNumbers =
    [
        "publish", "broadcast", "unsubscribe", "disconnect", "presence", "presence_stats", "history",
        "history_remove", "channels", "info", "rpc", "subscribe", "refresh",
    ];

    public static async Task HandleAsync(HttpContext context, ReadOnlyMemory<byte> body, ServerApiExecutor executor)
    {
        List<JsonDocument> documents;
        try
        {
            documents = Split(body);
        }
        catch (ApiBadRequestException ex)
        {
            await ApiResponses.PlainTextAsync(context, StatusCodes.Status400BadRequest, "Bad Request: " + ex.Message).ConfigureAwait(false);
            return;
        }

        var replies = new List<(uint Id, Reply Reply)>(documents.Count);
        try
        {
            foreach (var document in documents)
            {
                var root = document.RootElement;
                uint id;
                string? method;
                try
                {
                    id = ApiJsonReader.UInt32(root, "id");
                    method = MethodName(root);
                }
                catch (ApiBadRequestException ex)
                {
                    await ApiResponses.PlainTextAsync(context, StatusCodes.Status400BadRequest, "Bad Request: " + ex.Message).ConfigureAwait(false);
                    return;
                }

                replies.Add((id, await RunAsync(method, root, executor, context.RequestAborted).ConfigureAwait(false)));
            }
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }

        await ApiResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            for (var i = 0; i < replies.Count; i++)
            {
                if (i > 0)
                {
                    writer.Flush();
                    writer.Reset();
                    context.Response.BodyWriter.Write("\n"u8);
                }

                ApiJsonWriter.WriteEnvelope(writer, replies[i].Reply, replies[i].Id);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Runs one legacy command; an error in its reply counts under the command's method (the call itself succeeds).</summary>
    private static async Task<Reply> RunAsync(string? method, JsonElement root, ServerApiExecutor executor, CancellationToken cancellationToken)
    {
        var reply = await RunUncountedAsync(method, root, executor, cancellationToken).ConfigureAwait(false);
        executor.CountInnerError("http", ApiMethodNames.FromName(method), reply);
        return reply;
    }

    private static async Task<Reply> RunUncountedAsync(string? method, JsonElement root, ServerApiExecutor executor, CancellationToken cancellationToken)
    {
        if (method is null)
        {
            return new Reply { Error = ApiErrors.NotFound() };
        }

        Command? command;
        try
        {
            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            command = ApiRequestParser.Parse(method, parameters);
        }
        catch (ApiBadRequestException ex)
        {
            return new Reply { Error = ApiErrors.BadRequest(ex.Message) };
        }

        return command is null
            ? new Reply { Error = ApiErrors.NotFound() }
            : await executor.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The method's name, from a name or a legacy number (missing = publish); null for an unknown number.</summary>
    private static string? MethodName(JsonElement root)
    {
        if (!ApiJsonReader.TryGet(root, "method", out var method))
        {
            return MethodNumbers[0];
        }

        return method.ValueKind switch
        {
            JsonValueKind.String => method.GetString()!.ToLowerInvariant(),
            JsonValueKind.Number when method.TryGetInt32(out var number) => number >= 0 && number < MethodNumbers.Length ? MethodNumbers[number] : null,
            _ => throw new ApiBadRequestException("field \"method\" must be a method name or number"),
        };
    }

    private static List<JsonDocument> Split(ReadOnlyMemory<byte> body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new ApiBadRequestException("request body is not valid UTF-8");
        }

        var documents = new List<JsonDocument>();
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                var document = JsonDocument.ParseValue(ref reader);
                documents.Add(document);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ApiBadRequestException("every command must be a JSON object");
                }
            }
        }
        catch (JsonException ex)
        {
            DisposeAll(documents);
            throw new ApiBadRequestException("invalid JSON: " + ex.Message, ex);
        }
        catch (ApiBadRequestException)
        {
            DisposeAll(documents);
            throw;
        }

        if (documents.Count == 0)
        {
            throw new ApiBadRequestException("empty request body");
        }

        return documents;
    }

    private static void DisposeAll(List<JsonDocument> documents)
    {
        foreach (var document in documents)
        {
            document.Dispose();
        }
    }
}
