using System.Text.RegularExpressions;
using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Validation;

namespace K8sRelay.Configuration;

/// <summary>Proxy and RPC rules.</summary>
public static partial class RelayConfigValidator
{
    private const string ProxyNamePattern = "^[-a-zA-Z0-9_.]{2,}$";
    private const int MaxReasonLength = 123;

    /// <summary>Checks <c>proxies</c> and returns the names namespaces may reference (including <c>default</c>).</summary>
    private static HashSet<string> ValidateNamedProxies(RelayConfig config, ValidationScope root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Proxies.Count; i++)
        {
            var proxy = config.Proxies[i];
            var scope = root.Under($"proxies[{i}]", $"proxy \"{proxy.Name}\"");
            if (!Regex.IsMatch(proxy.Name, ProxyNamePattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                scope.Fail("name", $"must match {ProxyNamePattern}, got \"{proxy.Name}\"");
            }
            else if (proxy.Name == DefaultProxyName)
            {
                scope.Fail("name", "\"default\" is reserved for the proxies under channel.proxy and rpc.proxy");
            }
            else if (!names.Add(proxy.Name))
            {
                scope.Fail("name", $"duplicate proxy name \"{proxy.Name}\"");
            }

            ValidateProxy(scope, proxy);
        }

        names.Add(DefaultProxyName);
        return names;
    }

    private static void ValidateProxy(ValidationScope scope, ProxyConfig proxy)
    {
        if (proxy.Endpoint.Length == 0)
        {
            scope.Fail("endpoint", "must be set for a proxy in use");
        }

        scope.Positive("timeout", proxy.Timeout);
        for (var i = 0; i < proxy.Http.StatusToCodeTransforms.Count; i++)
        {
            var transform = proxy.Http.StatusToCodeTransforms[i];
            var item = scope.Under($"http.status_to_code_transforms[{i}]");
            item.Positive("status_code", transform.StatusCode);
            var toError = transform.ToError.Code > 0;
            var toDisconnect = transform.ToDisconnect.Code > 0;
            if (toError == toDisconnect)
            {
                item.Fail("to_error", "set exactly one of to_error.code and to_disconnect.code");
            }

            item.Ascii("to_error.message", transform.ToError.Message);
            item.Ascii("to_disconnect.reason", transform.ToDisconnect.Reason);
            if (transform.ToError.Message.Length > MaxReasonLength)
            {
                item.Fail("to_error.message", $"must be at most {MaxReasonLength} characters");
            }

            if (transform.ToDisconnect.Reason.Length > MaxReasonLength)
            {
                item.Fail("to_disconnect.reason", $"must be at most {MaxReasonLength} characters");
            }
        }
    }

    private static void ValidateRpc(RelayConfig config, ValidationScope root, HashSet<string> proxyNames)
    {
        var rpc = config.Rpc;
        var scope = root.Under("rpc");
        scope.NotEmpty("namespace_boundary", rpc.NamespaceBoundary);
        if (rpc.Ping.Enabled)
        {
            scope.NotEmpty("ping.method", rpc.Ping.Method);
        }

        RpcOptions(config, scope.Under("without_namespace"), rpc.WithoutNamespace, proxyNames);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rpc.Namespaces.Count; i++)
        {
            var ns = rpc.Namespaces[i];
            var item = scope.Under($"namespaces[{i}]", $"rpc namespace \"{ns.Name}\"");
            if (!Regex.IsMatch(ns.Name, ProxyNamePattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                item.Fail("name", $"must match {ProxyNamePattern}, got \"{ns.Name}\"");
            }
            else if (!names.Add(ns.Name))
            {
                item.Fail("name", $"duplicate rpc namespace name \"{ns.Name}\"");
            }

            RpcOptions(config, item, ns, proxyNames);
        }
    }

    private static void RpcOptions(RelayConfig config, ValidationScope scope, RpcOptionsConfig options, HashSet<string> proxyNames)
    {
        if (options.ProxyName.Length > 0 && !proxyNames.Contains(options.ProxyName))
        {
            scope.Fail("proxy_name", $"proxy \"{options.ProxyName}\" is not defined in proxies");
        }
        else if (options.ProxyEnabled && (options.ProxyName.Length == 0 || options.ProxyName == DefaultProxyName))
        {
            ValidateProxy(scope.Root.Under("rpc.proxy"), config.Rpc.Proxy);
        }
    }
}
