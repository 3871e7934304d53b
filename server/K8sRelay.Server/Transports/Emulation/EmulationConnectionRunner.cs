using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.Emulation;

/// <summary>
/// Runs one bidirectional emulation connection (HTTP-streaming or SSE) for the lifetime of its
/// streaming response: registers a new session, runs the connect frame the client opened the stream
/// with, and keeps the response open until the connection closes or the client goes away. Later
/// command frames arrive through <c>POST /emulation</c>.
/// </summary>
internal sealed partial class EmulationConnectionRunner
{
    private readonly RelayNode _node;
    private readonly EmulationSessions _sessions;
    private readonly ConnectionGate _gate;
    private readonly ILogger<EmulationConnectionRunner> _logger;

    public EmulationConnectionRunner(RelayNode node, EmulationSessions sessions, ConnectionGate gate, ILogger<EmulationConnectionRunner> logger)
    {
        _node = node;
        _sessions = sessions;
        _gate = gate;
        _logger = logger;
    }

    /// <summary>What differs between HTTP-streaming and SSE.</summary>
    /// <param name="Name">Transport name (<c>http_stream</c>, <c>sse</c>).</param>
    /// <param name="Protocol">Encoding of the connection.</param>
    /// <param name="Framing">How messages are framed on the response.</param>
    /// <param name="ContentType">Response content type, or null for none.</param>
    /// <param name="Preamble">Bytes written before the first message.</param>
    public readonly record struct Options(string Name, ProtocolType Protocol, StreamFraming Framing, string? ContentType, byte[] Preamble);

    /// <summary>Serves the stream. <paramref name="connectFrame"/> holds the connect command the client sent.</summary>
    public async Task RunAsync(HttpContext context, Options options, byte[] connectFrame)
    {
        if (!_gate.TryAdmit(context))
        {
            return;
        }

        var aborted = context.RequestAborted;
        using var transport = new HttpStreamingTransport(context.Response, options.Name, options.Protocol, options.Framing, unidirectional: false, emulation: true);
        var sessionId = Guid.NewGuid().ToString();
        var client = new ClientConnection(_node, transport, RequestInfoFactory.Create(context, _node, sessionId));
        var session = _sessions.Add(sessionId, client);
        try
        {
            StreamingResponse.SetHeaders(context, options.ContentType);
            await transport.OpenAsync(options.Preamble, aborted).ConfigureAwait(false);
            if (await session.HandleFrameAsync(connectFrame).ConfigureAwait(false))
            {
                await transport.Completion.WaitAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            Log.StreamEnded(_logger, client.ClientId, options.Name, ex.Message);
        }
        finally
        {
            _sessions.Remove(session);
            await client.OnTransportClosedAsync().ConfigureAwait(false);
            _gate.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3101, LogLevel.Debug, "{Transport} stream of client {ClientId} ended: {Why}")]
        public static partial void StreamEnded(ILogger logger, string clientId, string transport, string why);
    }
}
