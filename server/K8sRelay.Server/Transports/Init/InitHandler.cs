using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Transports.Init;

/// <summary>
/// <c>GET /connection/init</c> (<c>init.enabled</c>): answers <c>{}</c>. Clients and load balancers use
/// it to check reachability or to warm up a connection before the real transport opens.
/// </summary>
internal sealed class InitHandler
{
    /// <summary>The endpoint path.</summary>
    public const string Path = "/connection/init";

    private readonly OriginPolicy _origins;

    public InitHandler(OriginPolicy origins) => _origins = origins;

    public Task HandleAsync(HttpContext context)
    {
        Cors.Apply(context, _origins);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{}");
    }
}
