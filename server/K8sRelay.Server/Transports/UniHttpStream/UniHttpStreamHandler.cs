using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.UniHttpStream;

/// <summary>
/// <c>POST uni_http_stream.handler_prefix</c>: the body is a bare JSON connect request; the response
/// streams bare JSON pushes, each followed by <c>\n</c>. OPTIONS → 204, other methods → 405, body
/// over <c>max_request_body_size</c> → 413, undecodable body → 400.
/// </summary>
internal sealed class UniHttpStreamHandler
{
    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly UnidirectionalStreamRunner _runner;

    public UniHttpStreamHandler(RelayNode node, OriginPolicy origins, UnidirectionalStreamRunner runner)
    {
        _node = node;
        _origins = origins;
        _runner = runner;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var body = await PostedBody.ReadAsync(context, _origins, _node.Config.UniHttpStream.MaxRequestBodySize).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        K8sRelay.Protocol.Messages.ConnectRequest connect;
        try
        {
            connect = ClientCodecs.Json.DecodeConnectRequest(body);
        }
        catch (ProtocolDecodeException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var options = new UnidirectionalStreamRunner.Options("uni_http_stream", StreamFraming.JsonLines, null, [], _node.Config.UniHttpStream.ConnectCodeToHttpResponse);
        await _runner.RunAsync(context, options, connect).ConfigureAwait(false);
    }
}
