using K8sRelay.Core.Node;
using K8sRelay.Protocol;

namespace K8sRelay.Server.Api;

/// <summary>
/// Runs server API commands against the node. One executor serves HTTP (and later GRPC and the
/// admin UI), so every entry point answers the same way.
/// </summary>
public sealed partial class ServerApiExecutor
{
    private readonly RelayNode _node;
    private readonly ILogger<ServerApiExecutor> _logger;

    public ServerApiExecutor(RelayNode node, ILogger<ServerApiExecutor> logger)
    {
        _node = node;
        _logger = logger;
    }

    /// <summary><c>publish</c>: returns the offset and epoch for channels with history.</summary>
    public async Task<ApiResult> PublishAsync(PublishApiRequest request, CancellationToken cancellationToken)
    {
        var validation = ValidatePublish(request.Channel, request.Data);
        if (validation is not null)
        {
            return ApiResult.Fail(validation);
        }

        if (!_node.Channels.TryResolve(request.Channel, out var ns))
        {
            return ApiResult.Fail(ApiError.UnknownChannel);
        }

        try
        {
            var options = new PublishRequestOptions
            {
                Tags = request.Tags,
                IdempotencyKey = string.IsNullOrEmpty(request.IdempotencyKey) ? null : request.IdempotencyKey,
                Delta = request.Delta,
                SkipHistory = request.SkipHistory,
            };
            var result = await _node.PublishAsync(request.Channel, ns, request.Data!, options, cancellationToken).ConfigureAwait(false);
            var position = result.Position;
            return ApiResult.Ok(position.Offset == 0 && position.Epoch.Length == 0 ? null : writer =>
            {
                writer.WriteNumber("offset", position.Offset);
                writer.WriteString("epoch", position.Epoch);
            });
        }
        catch (ProtocolErrorException ex)
        {
            return ApiResult.Fail(ApiError.From(ex.Error));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(_logger, "publish", ex);
            return ApiResult.Fail(ApiError.Internal);
        }
    }

    /// <summary><c>broadcast</c>: publishes into each channel and reports every outcome in order.</summary>
    public async Task<ApiResult> BroadcastAsync(PublishApiRequest request, CancellationToken cancellationToken)
    {
        if (request.Channels.Count == 0)
        {
            return ApiResult.Fail(ApiError.BadRequest("channels required"));
        }

        if (request.Data is null)
        {
            return ApiResult.Fail(ApiError.BadRequest("data required"));
        }

        var results = new ApiResult[request.Channels.Count];
        var tasks = new Task<ApiResult>[request.Channels.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = PublishAsync(request with { Channel = request.Channels[i] }, cancellationToken);
        }

        for (var i = 0; i < tasks.Length; i++)
        {
            results[i] = await tasks[i].ConfigureAwait(false);
        }

        return ApiResult.Ok(writer =>
        {
            writer.WriteStartArray("responses");
            foreach (var result in results)
            {
                result.WriteEnvelope(writer);
            }

            writer.WriteEndArray();
        });
    }

    private ApiError? ValidatePublish(string channel, byte[]? data)
    {
        if (channel.Length == 0)
        {
            return ApiError.BadRequest("channel required");
        }

        if (channel.Length > _node.Channels.MaxLength)
        {
            return ApiError.BadRequest("channel name too long");
        }

        if (data is null)
        {
            return ApiError.BadRequest("data required");
        }

        return null;
    }

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Error, "Server API command {Method} failed")]
        public static partial void CommandFailed(ILogger logger, string method, Exception exception);
    }
}
