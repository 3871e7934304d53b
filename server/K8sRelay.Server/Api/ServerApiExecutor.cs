using System.Runtime.InteropServices;
using Google.Protobuf;
using K8sRelay.Core.Channels;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Server.Grpc.Api;

namespace K8sRelay.Server.Api;

/// <summary>
/// Runs server API commands against the node. One executor serves the HTTP API (per-method,
/// batch and legacy routes), the GRPC API and the admin UI, so every entry point answers the same
/// way. Requests and responses are the messages of the Centrifugo API schema; errors are returned
/// in the response, never thrown (only cancellation propagates).
/// </summary>
public sealed partial class ServerApiExecutor
{
    private readonly RelayNode _node;
    private readonly ILogger<ServerApiExecutor> _logger;

    /// <summary>Creates the executor for a node.</summary>
    public ServerApiExecutor(RelayNode node, ILogger<ServerApiExecutor> logger)
    {
        _node = node;
        _logger = logger;
    }

    /// <summary><c>publish</c>: returns the offset and epoch for channels with history.</summary>
    public async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        byte[]? data = null;
        var error = ResolveChannel(request.Channel, out var ns) ?? ReadPayload(request.Data, request.B64Data, "data", out data);
        if (error is not null)
        {
            return new PublishResponse { Error = error };
        }

        try
        {
            var options = new PublishRequestOptions
            {
                Tags = request.Tags.Count > 0 ? new Dictionary<string, string>(request.Tags, StringComparer.Ordinal) : null,
                IdempotencyKey = request.IdempotencyKey.Length > 0 ? request.IdempotencyKey : null,
                Delta = request.Delta,
                SkipHistory = request.SkipHistory,
            };
            var published = await _node.PublishAsync(request.Channel, ns, data!, options, cancellationToken).ConfigureAwait(false);
            var position = published.Position;
            return new PublishResponse { Result = new PublishResult { Offset = position.Offset, Epoch = position.Epoch ?? string.Empty } };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new PublishResponse { Error = Failure("publish", ex) };
        }
    }

    /// <summary><c>broadcast</c>: publishes into every channel and reports each outcome in order.</summary>
    public async Task<BroadcastResponse> BroadcastAsync(BroadcastRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Channels.Count == 0)
        {
            return new BroadcastResponse { Error = ApiErrors.BadRequest("channels required") };
        }

        var payloadError = ReadPayload(request.Data, request.B64Data, "data", out _);
        if (payloadError is not null)
        {
            return new BroadcastResponse { Error = payloadError };
        }

        var tasks = new Task<PublishResponse>[request.Channels.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            var single = new PublishRequest
            {
                Channel = request.Channels[i],
                Data = request.Data,
                B64Data = request.B64Data,
                SkipHistory = request.SkipHistory,
                IdempotencyKey = request.IdempotencyKey,
                Delta = request.Delta,
            };
            single.Tags.Add(request.Tags);
            tasks[i] = PublishAsync(single, cancellationToken);
        }

        var result = new BroadcastResult();
        foreach (var task in tasks)
        {
            result.Responses.Add(await task.ConfigureAwait(false));
        }

        return new BroadcastResponse { Result = result };
    }

    /// <summary>
    /// Checks a channel named in a request: present, not too long, in a known namespace
    /// (else 102) and made of allowed characters. Returns the error, or null with the namespace.
    /// </summary>
    private Error? ResolveChannel(string channel, out ChannelNamespace channelNamespace)
    {
        channelNamespace = null!;
        var rules = _node.Channels;
        if (channel.Length == 0)
        {
            return ApiErrors.BadRequest("channel required");
        }

        if (channel.Length > rules.MaxLength)
        {
            return ApiErrors.BadRequest($"channel name longer than {rules.MaxLength} characters");
        }

        if (!rules.TryResolve(channel, out channelNamespace))
        {
            return ApiErrors.UnknownChannel();
        }

        return rules.IsValidName(channel, channelNamespace) ? null : ApiErrors.BadRequest("invalid channel name");
    }

    /// <summary>
    /// Reads a payload given either raw (<paramref name="raw"/>) or base64 (<paramref name="base64"/>);
    /// one of them is required. Bad base64 is a 107.
    /// </summary>
    private static Error? ReadPayload(ByteString raw, string base64, string name, out byte[]? payload)
    {
        var error = ReadOptionalPayload(raw, base64, name, out payload);
        if (error is null && payload is null)
        {
            return ApiErrors.BadRequest(name + " required");
        }

        return error;
    }

    private static Error? ReadOptionalPayload(ByteString raw, string base64, string name, out byte[]? payload)
    {
        payload = null;
        if (base64.Length > 0)
        {
            try
            {
                payload = Convert.FromBase64String(base64);
                return null;
            }
            catch (FormatException)
            {
                return ApiErrors.BadRequest($"b64{name} is not valid base64");
            }
        }

        if (raw.Length == 0)
        {
            return null;
        }

        payload = MemoryMarshal.TryGetArray(raw.Memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : raw.ToByteArray();
        return null;
    }

    /// <summary>Maps an exception of a command to its API error, logging unexpected ones.</summary>
    private Error Failure(string method, Exception exception)
    {
        if (exception is ProtocolErrorException protocolError)
        {
            return ApiErrors.From(protocolError.Error);
        }

        Log.CommandFailed(_logger, method, exception);
        return ApiErrors.Internal();
    }

    private static partial class Log
    {
        [LoggerMessage(6001, LogLevel.Error, "Server API command {Method} failed")]
        public static partial void CommandFailed(ILogger logger, string method, Exception exception);
    }
}
