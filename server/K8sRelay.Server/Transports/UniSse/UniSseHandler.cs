using System.Text;
using K8sRelay.Core.Node;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.UniSse;

/// <summary>
/// <c>uni_sse.handler_prefix</c>: a GET with the bare JSON connect request in <c>cf_connect</c> (absent
/// = an empty request) or a POST with it as the body; the response is an event stream of bare JSON
/// pushes after a leading <c>\r\n</c>. Undecodable request → 400, body too large → 413, other methods → 405.
/// </summary>
internal sealed class UniSseHandler
{
    private const string ConnectParameter = "cf_connect";
    private const string EventStreamContentType = "text/event-stream; charset=utf-8";
    private static readonly byte[] Preamble = "\r\n"u8.ToArray();

    private readonly RelayNode _node;
    private readonly OriginPolicy _origins;
    private readonly UnidirectionalStreamRunner _runner;

    public UniSseHandler(RelayNode node, OriginPolicy origins, UnidirectionalStreamRunner runner)
    {
        _node = node;
        _origins = origins;
        _runner = runner;
    }

    public async Task HandleAsync(HttpContext context)
    {
        Cors.Apply(context, _origins);
        var request = context.Request;
        var settings = _node.Config.UniSse;
        byte[]? data;
        if (HttpMethods.IsGet(request.Method))
        {
            var value = request.Query[ConnectParameter].ToString();
            data = value.Length == 0 ? null : Encoding.UTF8.GetBytes(value);
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            data = await RequestBody.ReadAsync(request, settings.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
            if (data is null)
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

        ConnectRequest connect;
        try
        {
            connect = data is null ? new ConnectRequest() : ClientCodecs.Json.DecodeConnectRequest(data);
        }
        catch (ProtocolDecodeException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var options = new UnidirectionalStreamRunner.Options("uni_sse", StreamFraming.EventStream, EventStreamContentType, Preamble, settings.ConnectCodeToHttpResponse);
        await _runner.RunAsync(context, options, connect).ConfigureAwait(false);
    }
}
