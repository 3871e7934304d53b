using System.Text.Json.Nodes;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>Server configuration rendered into the ConfigMap &lt;name&gt;-config.</summary>
public sealed class ServerConfigSpec
{
    /// <summary>Origins allowed to connect from browsers (client.allowed_origins). Empty allows none but same-origin.</summary>
    public List<string>? AllowedOrigins { get; set; }

    /// <summary>Channel namespaces (channel.namespaces).</summary>
    public List<ChannelNamespaceSpec>? Namespaces { get; set; }

    /// <summary>
    /// Raw server configuration in Centrifugo's JSON shape (snake_case keys), merged over the rendered config.
    /// Keys the operator owns are rejected: engine, http_server, client.token, http_api.key, admin.password, admin.secret.
    /// </summary>
    [PreserveUnknownFields]
    [CelRule("!has(self.engine) && !has(self.http_server)", "engine and http_server are owned by the operator; use spec.engine and spec.service")]
    public JsonObject? Raw { get; set; }
}
