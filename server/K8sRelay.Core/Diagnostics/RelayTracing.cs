using System.Diagnostics;
using K8sRelay.Core.Node;

namespace K8sRelay.Core.Diagnostics;

/// <summary>
/// The server's spans: server API commands and proxy calls. Tracing exporters listen to <see cref="SourceName"/>;
/// while nobody listens the methods return null and cost next to nothing. Span attributes use the
/// <c>centrifugo.</c> prefix so they read the same whatever the transport of the call.
/// </summary>
public static class RelayTracing
{
    /// <summary>Name of the activity source.</summary>
    public const string SourceName = "K8sRelay";

    /// <summary>Attribute: the API method (<c>publish</c>, <c>broadcast</c>, …).</summary>
    public const string ApiMethodAttribute = "centrifugo.api.method";

    /// <summary>Attribute: how the API was called (<c>http</c> or <c>grpc</c>).</summary>
    public const string ApiProtocolAttribute = "centrifugo.api.protocol";

    /// <summary>Attribute: the channel a command addresses.</summary>
    public const string ChannelAttribute = "centrifugo.channel";

    /// <summary>Attribute: the number of channels a command addresses (broadcast).</summary>
    public const string ChannelCountAttribute = "centrifugo.channel_count";

    /// <summary>Attribute: what a proxy call asks the backend (<c>connect</c>, <c>rpc</c>, …).</summary>
    public const string ProxyTypeAttribute = "centrifugo.proxy.type";

    /// <summary>Attribute: how the proxy is called (<c>http</c> or <c>grpc</c>).</summary>
    public const string ProxyProtocolAttribute = "centrifugo.proxy.protocol";

    /// <summary>Attribute: the proxy's target address.</summary>
    public const string ProxyEndpointAttribute = "centrifugo.proxy.endpoint";

    /// <summary>Attribute: the name of the node that handled the call.</summary>
    public const string NodeAttribute = "centrifugo.node";

    /// <summary>Attribute: the API error code a command answered with (for example 102), when it failed.</summary>
    public const string ApiErrorCodeAttribute = "centrifugo.api.error_code";

    /// <summary>The activity source every span of the server is started from.</summary>
    public static ActivitySource Source { get; } = new(SourceName, NodeVersion.Current);

    /// <summary>
    /// Starts the span of one server API command, a child of the current activity (the incoming request,
    /// which continued the caller's trace context). Returns null when the span is not sampled.
    /// </summary>
    public static Activity? StartApiCommand(string protocol, string method, string? nodeName = null)
    {
        var activity = Source.StartActivity("api " + method, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ApiProtocolAttribute, protocol);
            activity.SetTag(ApiMethodAttribute, method);
            if (nodeName is not null)
            {
                activity.SetTag(NodeAttribute, nodeName);
            }
        }

        return activity;
    }

    /// <summary>
    /// Starts the server span of one server API command that arrived without an HTTP request span around it
    /// (the GRPC API): a child of <paramref name="remoteParent"/>, the caller's trace context, or the root of a
    /// new trace when the caller sent none; never a child of the ambient activity. Returns null when the span
    /// is not sampled.
    /// </summary>
    public static Activity? StartApiServerCommand(string protocol, string method, string? nodeName, ActivityContext remoteParent)
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity("api " + method, ActivityKind.Server, remoteParent);
        if (activity is null)
        {
            Activity.Current = ambient;
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(ApiProtocolAttribute, protocol);
            activity.SetTag(ApiMethodAttribute, method);
            if (nodeName is not null)
            {
                activity.SetTag(NodeAttribute, nodeName);
            }
        }

        return activity;
    }

    /// <summary>
    /// Starts the span of one proxy call to the application backend; the proxy client should inject the
    /// activity's context into the outgoing request (HttpClient does so on its own). Returns null when not sampled.
    /// </summary>
    public static Activity? StartProxyCall(string protocol, string type, string endpoint)
    {
        var activity = Source.StartActivity("proxy " + type, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ProxyTypeAttribute, type);
            activity.SetTag(ProxyEndpointAttribute, endpoint);
            activity.SetTag(ProxyProtocolAttribute, protocol);
        }

        return activity;
    }

    /// <summary>Marks a span as failed with a short description (never request data or secrets).</summary>
    public static void Fail(Activity? activity, string description)
    {
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }
}
