using System.Text;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Server.Transports.Emulation;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.Sse;

/// <summary>
/// <c>sse.handler_prefix</c>: bidirectional emulation over server-sent events, JSON only. The connect
/// command comes in the <c>cf_connect</c> query parameter of a GET (EventSource) or as a POST body;
/// replies stream as <c>data: …</c> events after a leading <c>\r\n</c>.
/// </summary>
internal sealed class SseHandler
{
    /// <summary>The query parameter that carries the connect command of a GET.</summary>
    public const string ConnectParameter = "cf_connect";

    private static readonly EmulationConnectionRunner.Options Options =
        new("sse", ProtocolType.Json, StreamFraming.EventStream, "text/event-stream; charset=utf-8", "\r\n"u8.ToArray());

    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly EmulationConnectionRunner _runner;

    public SseHandler(RelayNode node, OriginPolicy origins, EmulationConnectionRunner runner)
    {
        _node = node;
        _origins = origins;
        _runner = runner;
    }

    public async Task HandleAsync(HttpContext context)
    {
        Cors.Apply(context, _origins);
        var request = context.Request;
        byte[]? connectFrame;
        if (HttpMethods.IsGet(request.Method))
        {
            var value = request.Query[ConnectParameter].ToString();
            if (value.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            connectFrame = Encoding.UTF8.GetBytes(value);
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            connectFrame = await RequestBody.ReadAsync(request, _node.Config.Sse.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
            if (connectFrame is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        await _runner.RunAsync(context, Options, connectFrame).ConfigureAwait(false);
    }
}
