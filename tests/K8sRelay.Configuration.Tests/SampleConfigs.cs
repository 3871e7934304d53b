using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

/// <summary>Configurations with many non-default values, for round-trip tests.</summary>
internal static class SampleConfigs
{
    public static RelayConfig Rich()
    {
        var config = new RelayConfig();
        config.HttpServer.Port = 9001;
        config.HttpServer.InternalPort = "9002";
        config.HttpServer.Tls = new TlsConfig { Enabled = true, CertPemFile = "/tls/cert.pem", KeyPemFile = "/tls/key.pem" };
        config.Log.Level = "debug";
        config.Engine.Type = "redis";
        config.Engine.Redis.Address = ["redis://r1:6379", "redis://r2:6379"];
        config.Engine.Redis.PresenceTtl = TimeSpan.FromSeconds(45);
        config.Broker.Nats.RawMode.ChannelReplacements = new() { [":"] = ".", ["#"] = "_" };
        config.Client.Token.HmacSecretKey = "secret with spaces";
        config.Client.Token.HmacPreviousSecretKeyValidUntil = 1735689600;
        config.Client.AllowedOrigins = ["https://a.example", "https://*.b.example"];
        config.Client.PingInterval = TimeSpan.FromTicks(-1);
        config.Client.StaleCloseDelay = TimeSpan.FromMilliseconds(1500);
        config.Client.ChannelLimit = 0;
        config.Client.Insecure = true;
        config.Client.Proxy.Connect = new ClientEventProxyConfig { Enabled = true, Endpoint = "http://app/connect", HttpHeaders = ["Cookie"] };
        config.Client.ConnectCodeToUnidirectionalDisconnect.Transforms.Add(new() { Code = 1000, To = new() { Code = 4500, Reason = "nope" } });
        config.Channel.PrivatePrefix = "true";
        config.Channel.NamespaceBoundary = "8000";
        config.Channel.WithoutNamespace.Presence = true;
        config.Channel.Proxy.Subscribe.Endpoint = "http://app/subscribe";
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "chat",
            HistorySize = 50,
            HistoryTtl = TimeSpan.FromMinutes(10),
            ForceRecovery = true,
            AllowedDeltaTypes = ["fossil"],
            ChannelRegex = "^[a-z:#$]+$",
            SubscribeProxyEnabled = true,
        });
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "feed", PublishProxyName = "" });
        config.Proxies.Add(new NamedProxyConfig
        {
            Name = "backend",
            Endpoint = "grpc://backend:9000",
            Timeout = TimeSpan.FromSeconds(2),
            Http = new ProxyHttpConfig
            {
                StaticHeaders = new() { ["X-Env"] = "prod" },
                StatusToCodeTransforms = [new() { StatusCode = 404, ToDisconnect = new() { Code = 4404, Reason = "gone" } }],
            },
        });
        config.Rpc.Namespaces.Add(new RpcNamespaceConfig { Name = "svc.v1", ProxyName = "backend", ProxyEnabled = true });
        config.Websocket.HandlerPrefix = "";
        config.UniSse.ConnectCodeToHttpResponse = new() { Enabled = true, Transforms = [new() { Code = 4501, To = new() { StatusCode = 403, Body = "{\"x\": 1}" } }] };
        config.Shutdown.Timeout = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1);
        config.PidFile = "/run/relay.pid";
        return config;
    }
}
