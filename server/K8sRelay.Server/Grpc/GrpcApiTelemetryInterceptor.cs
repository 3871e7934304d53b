using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Core.Node;
using K8sRelay.Server.Diagnostics;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Grpc;

/// <summary>
/// Telemetry of the GRPC API (<c>centrifugal.centrifugo.api.CentrifugoApi</c>), the counterpart of
/// <see cref="ApiTelemetryMiddleware"/>: every call records <c>centrifugo_api_command_duration_seconds</c> with
/// <c>protocol="grpc"</c> and the method's label (<c>publish</c>, <c>presence_stats</c>, …); a call that answers
/// with an API error (inside the response or as a status in transport error mode) or fails with a GRPC status
/// counts in <c>centrifugo_api_command_errors_total</c>. With <c>opentelemetry.enabled</c> and
/// <c>opentelemetry.api</c> each call is a server span <c>api &lt;method&gt;</c> with the HTTP API's attributes,
/// continuing the caller's trace from the <c>traceparent</c> (and <c>tracestate</c>) metadata. Registered before
/// the key check so rejected calls are counted too; calls to other services pass untouched.
/// </summary>
public sealed class GrpcApiTelemetryInterceptor : Interceptor
{
    private const string Protocol = "grpc";

    private readonly RelayNode _node;
    private readonly bool _traceApi;

    /// <summary>Creates the interceptor for a node.</summary>
    public GrpcApiTelemetryInterceptor(RelayNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        _node = node;
        _traceApi = node.Config.Opentelemetry.Enabled && node.Config.Opentelemetry.Api;
    }

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var method = ApiMethodNames.FromGrpcMethod(context.Method);
        if (method is null)
        {
            return await continuation(request, context).ConfigureAwait(false);
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = _traceApi ? RelayTracing.StartApiServerCommand(Protocol, method, _node.Name, CallerContext(context.RequestHeaders)) : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", ApiMethodNames.GrpcApiService);
            activity.SetTag("rpc.method", context.Method[(context.Method.LastIndexOf('/') + 1)..]);
            AddChannelTags(activity, request);
        }

        var status = StatusCode.OK;
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            status = StatusCode.Unknown;
            activity?.AddException(ex);
            throw;
        }
        catch (OperationCanceledException)
        {
            status = StatusCode.Cancelled;
            throw;
        }
        finally
        {
            Record(context, method, started, status, activity);
        }
    }

    private void Record(ServerCallContext context, string method, long started, StatusCode status, Activity? activity)
    {
        _node.Metrics.ApiCommand(Protocol, method, Stopwatch.GetElapsedTime(started));
        var apiError = ApiCallErrors.Of(context);
        if (apiError is { } code)
        {
            _node.Metrics.ApiError(Protocol, method, ApiCallErrors.Label(code));
        }
        else if (status != StatusCode.OK)
        {
            _node.Metrics.ApiError(Protocol, method, StatusLabel(status));
        }

        if (activity is null)
        {
            return;
        }

        activity.SetTag("rpc.grpc.status_code", (int)status);
        if (apiError is { } errorCode)
        {
            activity.SetTag(RelayTracing.ApiErrorCodeAttribute, (long)errorCode);
        }

        if (status is not (StatusCode.OK or StatusCode.Cancelled))
        {
            RelayTracing.Fail(activity, StatusLabel(status));
        }
    }

    /// <summary>The caller's trace context from <c>traceparent</c>/<c>tracestate</c>, or none.</summary>
    private static ActivityContext CallerContext(Metadata headers)
    {
        var traceparent = headers.GetValue("traceparent");
        return traceparent is not null && ActivityContext.TryParse(traceparent, headers.GetValue("tracestate"), isRemote: true, out var parent)
            ? parent
            : default;
    }

    private static void AddChannelTags(Activity activity, object? request)
    {
        var channel = request switch
        {
            PublishRequest r => r.Channel,
            SubscribeRequest r => r.Channel,
            UnsubscribeRequest r => r.Channel,
            PresenceRequest r => r.Channel,
            PresenceStatsRequest r => r.Channel,
            HistoryRequest r => r.Channel,
            HistoryRemoveRequest r => r.Channel,
            _ => null,
        };
        if (!string.IsNullOrEmpty(channel))
        {
            activity.SetTag(RelayTracing.ChannelAttribute, channel);
        }
        else if (request is BroadcastRequest broadcast)
        {
            activity.SetTag(RelayTracing.ChannelCountAttribute, broadcast.Channels.Count);
        }
    }

    /// <summary>The <c>error</c> label of a GRPC status: its name in snake case (<c>unauthenticated</c>, <c>invalid_argument</c>).</summary>
    private static string StatusLabel(StatusCode status) => status switch
    {
        StatusCode.Cancelled => "cancelled",
        StatusCode.Unknown => "unknown",
        StatusCode.InvalidArgument => "invalid_argument",
        StatusCode.DeadlineExceeded => "deadline_exceeded",
        StatusCode.NotFound => "not_found",
        StatusCode.AlreadyExists => "already_exists",
        StatusCode.PermissionDenied => "permission_denied",
        StatusCode.ResourceExhausted => "resource_exhausted",
        StatusCode.FailedPrecondition => "failed_precondition",
        StatusCode.Aborted => "aborted",
        StatusCode.OutOfRange => "out_of_range",
        StatusCode.Unimplemented => "unimplemented",
        StatusCode.Internal => "internal",
        StatusCode.Unavailable => "unavailable",
        StatusCode.DataLoss => "data_loss",
        StatusCode.Unauthenticated => "unauthenticated",
        _ => "ok",
    };
}
