using System.Diagnostics;
using System.Text.Json;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;

namespace K8sRelay.Server.Diagnostics;

/// <summary>
/// Wraps every HTTP server API request (below <c>http_api.handler_prefix</c>) in a span and records
/// <c>centrifugo_api_command_duration_seconds</c> and, for answers with an API error (labelled with its code,
/// whether it travels inside a 200 or as a status) or an error status (labelled with the status),
/// <c>centrifugo_api_command_errors_total</c>. The span is a child of the request's activity, which
/// ASP.NET Core starts from the caller's <c>traceparent</c>, so the caller's trace continues. Sampled
/// spans also name the channel of the command, read from a buffered copy of the body.
/// </summary>
internal sealed class ApiTelemetryMiddleware
{
    private const string Protocol = "http";

    /// <summary>Bodies larger than this are not parsed for the channel attribute.</summary>
    private const int MaxInspectedBody = 64 * 1024;

    private readonly RequestDelegate _next;
    private readonly RelayNode _node;
    private readonly PathString _prefix;
    private readonly bool _traceApi;

    public ApiTelemetryMiddleware(RequestDelegate next, RelayNode node)
    {
        _next = next;
        _node = node;
        _prefix = new PathString(node.Config.HttpApi.HandlerPrefix.TrimEnd('/'));
        _traceApi = node.Config.Opentelemetry.Enabled && node.Config.Opentelemetry.Api;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var method = HttpMethods.IsPost(context.Request.Method) ? ApiMethodNames.FromPath(context.Request.Path, _prefix) : null;
        if (method is null)
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = _traceApi ? RelayTracing.StartApiCommand(Protocol, method, _node.Name) : null;
        if (activity is { IsAllDataRequested: true })
        {
            await AnnotateChannelAsync(context, activity).ConfigureAwait(false);
        }

        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.AddException(ex);
            RelayTracing.Fail(activity, ex.GetType().Name);
            throw;
        }
        finally
        {
            var status = context.Response.StatusCode;
            _node.Metrics.ApiCommand(Protocol, method, Stopwatch.GetElapsedTime(started));
            var apiError = ApiCallErrors.Of(context);
            if (apiError is { } code)
            {
                _node.Metrics.ApiError(Protocol, method, ApiCallErrors.Label(code));
            }
            else if (status >= 400)
            {
                _node.Metrics.ApiError(Protocol, method, StatusText(status));
            }

            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                if (apiError is { } errorCode)
                {
                    activity.SetTag(RelayTracing.ApiErrorCodeAttribute, (long)errorCode);
                }

                if (status >= 500)
                {
                    RelayTracing.Fail(activity, StatusText(status));
                }
            }
        }
    }

    private static async Task AnnotateChannelAsync(HttpContext context, Activity activity)
    {
        var request = context.Request;
        if (request.ContentLength is null or > MaxInspectedBody)
        {
            return;
        }

        request.EnableBuffering();
        var buffer = new byte[(int)request.ContentLength.Value];
        try
        {
            await request.Body.ReadExactlyAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            AddChannelTags(activity, buffer);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The API handler reads the body again and answers the failure itself.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static void AddChannelTags(Activity activity, byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("channel"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    activity.SetTag(RelayTracing.ChannelAttribute, reader.GetString());
                }
                else if (reader.ValueTextEquals("channels"u8) && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    var count = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        count++;
                        reader.Skip();
                    }

                    activity.SetTag(RelayTracing.ChannelCountAttribute, count);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Malformed bodies get no channel attribute; the API handler reports them.
        }
    }

    private static string StatusText(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
