using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Emulation;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.HttpStream;

/// <summary>
/// <c>POST http_stream.handler_prefix</c>: bidirectional emulation over a streaming response. The
/// body is the connect command (JSON, or Protobuf with <c>Content-Type: application/octet-stream</c>);
/// the response streams replies, JSON ones each followed by <c>\n</c>, Protobuf ones length-prefixed.
/// </summary>
internal sealed class HttpStreamHandler
{
    private static readonly EmulationConnectionRunner.Options JsonOptions = new("http_stream", ProtocolType.Json, StreamFraming.JsonLines, null, []);
    private static readonly EmulationConnectionRunner.Options ProtobufOptions = new("http_stream", ProtocolType.Protobuf, StreamFraming.Protobuf, null, []);

    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly EmulationConnectionRunner _runner;

    public HttpStreamHandler(RelayNode node, OriginPolicy origins, EmulationConnectionRunner runner)
    {
        _node = node;
        _origins = origins;
        _runner = runner;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var body = await PostedBody.ReadAsync(context, _origins, _node.Config.HttpStream.MaxRequestBodySize).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var options = ProtocolSelection.IsProtobuf(context.Request) ? ProtobufOptions : JsonOptions;
        await _runner.RunAsync(context, options, body).ConfigureAwait(false);
    }
}
