using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Server.Transports.Http;

/// <summary>
/// Runs one unidirectional HTTP streaming connection (uni_http_stream, uni_sse): connects with the
/// bare connect request, streams bare pushes until the connection closes or the client goes away.
/// A failed connect ends in a disconnect push, or, with <c>connect_code_to_http_response</c> on, in
/// an HTTP status before any stream byte is written.
/// </summary>
internal sealed partial class UnidirectionalStreamRunner
{
    private readonly RelayNode _node;
    private readonly ConnectionGate _gate;
    private readonly ILogger<UnidirectionalStreamRunner> _logger;

    public UnidirectionalStreamRunner(RelayNode node, ConnectionGate gate, ILogger<UnidirectionalStreamRunner> logger)
    {
        _node = node;
        _gate = gate;
        _logger = logger;
    }

    /// <summary>What differs between the unidirectional HTTP transports.</summary>
    /// <param name="Name">Transport name (<c>uni_http_stream</c>, <c>uni_sse</c>).</param>
    /// <param name="Framing">How pushes are framed on the response.</param>
    /// <param name="ContentType">Response content type, or null for none.</param>
    /// <param name="Preamble">Bytes written before the first push.</param>
    /// <param name="HttpResponses">The transport's <c>connect_code_to_http_response</c> setting.</param>
    public readonly record struct Options(string Name, StreamFraming Framing, string? ContentType, byte[] Preamble, ConnectCodeToHttpResponseConfig HttpResponses);

    /// <summary>Serves the stream for an already decoded connect request.</summary>
    public async Task RunAsync(HttpContext context, Options options, ConnectRequest request)
    {
        if (!_gate.TryAdmit(context))
        {
            return;
        }

        var aborted = context.RequestAborted;
        using var transport = new HttpStreamingTransport(context.Response, options.Name, ProtocolType.Json, options.Framing, unidirectional: true, emulation: false);
        var client = new ClientConnection(_node, transport, RequestInfoFactory.Create(context, _node));
        try
        {
            if (options.HttpResponses.Enabled)
            {
                // Connect first: a failure can still become an HTTP status.
                var failure = await client.ConnectUnidirectionalAsync(request).ConfigureAwait(false);
                if (failure is not null)
                {
                    var (status, body) = UnidirectionalFailures.ToHttpResponse(failure, options.HttpResponses);
                    context.Response.StatusCode = status;
                    await context.Response.WriteAsync(body, aborted).ConfigureAwait(false);
                    return;
                }

                await OpenAsync(context, transport, options, aborted).ConfigureAwait(false);
            }
            else
            {
                await OpenAsync(context, transport, options, aborted).ConfigureAwait(false);
                var failure = await client.ConnectUnidirectionalAsync(request).ConfigureAwait(false);
                if (failure is not null)
                {
                    await client.DisconnectAsync(UnidirectionalFailures.ToDisconnect(failure, _node.Config.Client)).ConfigureAwait(false);
                    return;
                }
            }

            await transport.Completion.WaitAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            Log.StreamEnded(_logger, client.ClientId, options.Name, ex.Message);
        }
        finally
        {
            await client.OnTransportClosedAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    private static Task OpenAsync(HttpContext context, HttpStreamingTransport transport, Options options, CancellationToken cancellationToken)
    {
        StreamingResponse.SetHeaders(context, options.ContentType);
        return transport.OpenAsync(options.Preamble, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(3121, LogLevel.Debug, "{Transport} stream of client {ClientId} ended: {Why}")]
        public static partial void StreamEnded(ILogger logger, string clientId, string transport, string why);
    }
}
