using Grpc.Core;
using K8sRelay.Configuration.Model;
using K8sRelay.Server.Api;
using K8sRelay.Server.Diagnostics;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Grpc;

/// <summary>
/// The GRPC server API (<c>centrifugal.centrifugo.api.CentrifugoApi</c>): every call runs on the
/// shared <see cref="ServerApiExecutor"/>. Errors travel in the response's <c>error</c> field,
/// or, in transport error mode (metadata <c>x-centrifugo-error-mode: transport</c> or
/// <c>grpc_api.error_mode: transport</c>), as GRPC statuses; <c>Batch</c> always answers inside.
/// </summary>
public sealed class CentrifugoApiService : CentrifugoApi.CentrifugoApiBase
{
    private const string ErrorModeMetadata = "x-centrifugo-error-mode";

    private readonly ServerApiExecutor _executor;
    private readonly bool _transportErrorsByDefault;

    /// <summary>Creates the service.</summary>
    public CentrifugoApiService(ServerApiExecutor executor, RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _executor = executor;
        _transportErrorsByDefault = string.Equals(config.GrpcApi.ErrorMode, "transport", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override Task<BatchResponse> Batch(BatchRequest request, ServerCallContext context) =>
        _executor.BatchAsync(request, "grpc", CancellationOf(context));

    /// <inheritdoc />
    public override async Task<PublishResponse> Publish(PublishRequest request, ServerCallContext context) =>
        Answer(await _executor.PublishAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<BroadcastResponse> Broadcast(BroadcastRequest request, ServerCallContext context) =>
        Answer(await _executor.BroadcastAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<SubscribeResponse> Subscribe(SubscribeRequest request, ServerCallContext context) =>
        Answer(await _executor.SubscribeAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<UnsubscribeResponse> Unsubscribe(UnsubscribeRequest request, ServerCallContext context) =>
        Answer(await _executor.UnsubscribeAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<DisconnectResponse> Disconnect(DisconnectRequest request, ServerCallContext context) =>
        Answer(await _executor.DisconnectAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<PresenceResponse> Presence(PresenceRequest request, ServerCallContext context) =>
        Answer(await _executor.PresenceAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<PresenceStatsResponse> PresenceStats(PresenceStatsRequest request, ServerCallContext context) =>
        Answer(await _executor.PresenceStatsAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<HistoryResponse> History(HistoryRequest request, ServerCallContext context) =>
        Answer(await _executor.HistoryAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<HistoryRemoveResponse> HistoryRemove(HistoryRemoveRequest request, ServerCallContext context) =>
        Answer(await _executor.HistoryRemoveAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<InfoResponse> Info(InfoRequest request, ServerCallContext context) =>
        Answer(await _executor.InfoAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<RPCResponse> RPC(RPCRequest request, ServerCallContext context) =>
        Answer(await _executor.RpcAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<RefreshResponse> Refresh(RefreshRequest request, ServerCallContext context) =>
        Answer(await _executor.RefreshAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    /// <inheritdoc />
    public override async Task<ChannelsResponse> Channels(ChannelsRequest request, ServerCallContext context) =>
        Answer(await _executor.ChannelsAsync(request, CancellationOf(context)).ConfigureAwait(false), r => r.Error, context);

    private static CancellationToken CancellationOf(ServerCallContext context) => context.CancellationToken;

    private T Answer<T>(T response, Func<T, Error?> errorOf, ServerCallContext context)
    {
        if (errorOf(response) is not { } error)
        {
            return response;
        }

        ApiCallErrors.Mark(context, error.Code);
        if (UsesTransportErrors(context))
        {
            throw GrpcErrors.ToException(error);
        }

        return response;
    }

    private bool UsesTransportErrors(ServerCallContext context) =>
        _transportErrorsByDefault
        || string.Equals(context.RequestHeaders.GetValue(ErrorModeMetadata), "transport", StringComparison.OrdinalIgnoreCase);
}
