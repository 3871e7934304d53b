using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

public sealed class ValidationTests
{
    public static TheoryData<string, string> InvalidConfigs() => new()
    {
        { """{ "client": { "channel_limit": -1 } }""", "client.channel_limit" },
        { """{ "client": { "queue_max_size": -5 } }""", "client.queue_max_size" },
        { """{ "client": { "ping_interval": "5s", "pong_timeout": "8s" } }""", "client.ping_interval" },
        { """{ "client": { "ping_interval": "8s", "pong_timeout": "8s" } }""", "client.ping_interval" },
        { """{ "client": { "token": { "user_id_claim": "user.id" } } }""", "client.token.user_id_claim" },
        { """{ "client": { "subscription_token": { "issuer_regex": "(" } } }""", "client.subscription_token.issuer_regex" },
        { """{ "client": { "subscribe_to_user_personal_channel": { "enabled": true, "personal_channel_namespace": "users" } } }""", "client.subscribe_to_user_personal_channel.personal_channel_namespace" },
        { """{ "client": { "subscribe_to_user_personal_channel": { "enabled": true, "single_connection": true } } }""", "client.subscribe_to_user_personal_channel.single_connection" },
        { """{ "client": { "proxy": { "connect": { "enabled": true } } } }""", "client.proxy.connect.endpoint" },
        { """{ "client": { "connect_code_to_unidirectional_disconnect": { "transforms": [ { "code": 0, "to": { "code": 4500 } } ] } } }""", "client.connect_code_to_unidirectional_disconnect.transforms[0].code" },
        { """{ "http_server": { "port": 70000 } }""", "http_server.port" },
        { """{ "http_server": { "port": 0 } }""", "http_server.port" },
        { """{ "http_server": { "internal_port": "abc" } }""", "http_server.internal_port" },
        { """{ "http_server": { "tls": { "enabled": true } } }""", "http_server.tls.cert_pem" },
        { """{ "grpc_api": { "enabled": true, "port": -1 } }""", "grpc_api.port" },
        { """{ "uni_grpc": { "max_receive_message_size": -1 } }""", "uni_grpc.max_receive_message_size" },
        { """{ "uni_grpc": { "enabled": true, "port": 0 } }""", "uni_grpc.port" },
        { """{ "uni_grpc": { "enabled": true, "tls": { "enabled": true } } }""", "uni_grpc.tls.cert_pem" },
        { """{ "uni_grpc": { "enabled": true, "tls": { "enabled": true, "cert_pem_file": "/tls/cert.pem" } } }""", "uni_grpc.tls.key_pem" },
        { """{ "uni_grpc": { "enabled": true, "tls": { "enabled": true, "cert_pem": "not a certificate", "key_pem_file": "/tls/key.pem" } } }""", "uni_grpc.tls.cert_pem" },
        { """{ "uni_grpc": { "enabled": true, "tls": { "enabled": true, "cert_pem_file": "/tls/cert.pem", "key_pem_b64": "%%%" } } }""", "uni_grpc.tls.key_pem_b64" },
        { """{ "uni_grpc": { "enabled": true, "tls": { "enabled": true, "cert_pem_b64": "aGVsbG8=", "key_pem_file": "/tls/key.pem" } } }""", "uni_grpc.tls.cert_pem_b64" },
        { """{ "engine": { "type": "tarantool" } }""", "engine.type" },
        { """{ "engine": { "type": "redis", "redis": { "address": [] } } }""", "engine.redis.address" },
        { """{ "broker": { "enabled": true, "type": "kafka" } }""", "broker.type" },
        { """{ "log": { "level": "verbose" } }""", "log.level" },
        { """{ "http_api": { "error_mode": "strict" } }""", "http_api.error_mode" },
        { """{ "websocket": { "message_size_limit": 0 } }""", "websocket.message_size_limit" },
        { """{ "websocket": { "compression_level": 12 } }""", "websocket.compression_level" },
        { """{ "sse": { "handler_prefix": "connection/sse" } }""", "sse.handler_prefix" },
        { """{ "shutdown": { "timeout": "0s" } }""", "shutdown.timeout" },
        { """{ "channel": { "max_length": 0 } }""", "channel.max_length" },
        { """{ "channel": { "namespace_boundary": "" } }""", "channel.namespace_boundary" },
        { """{ "channel": { "publication_data_format": "xml" } }""", "channel.publication_data_format" },
        { """{ "channel": { "namespaces": [ { "name": "a" } ] } }""", "channel.namespaces[0].name" },
        { """{ "channel": { "namespaces": [ { "name": "bad name!" } ] } }""", "channel.namespaces[0].name" },
        { """{ "channel": { "namespaces": [ { "name": "chat.v2" } ] } }""", "channel.namespaces[0].name" },
        { """{ "channel": { "namespaces": [ { "name": "chat" }, { "name": "chat" } ] } }""", "channel.namespaces[1].name" },
        { """{ "channel": { "namespaces": [ { "name": "chat", "channel_regex": "([" } ] } }""", "channel.namespaces[0].channel_regex" },
        { """{ "channel": { "without_namespace": { "history_ttl": "60s" } } }""", "channel.without_namespace.history_ttl" },
        { """{ "channel": { "namespaces": [ { "name": "chat", "history_size": 10 } ] } }""", "channel.namespaces[0].history_size" },
        { """{ "channel": { "namespaces": [ { "name": "chat", "history_size": 10, "history_ttl": "600s", "history_meta_ttl": "60s" } ] } }""", "channel.namespaces[0].history_meta_ttl" },
        { """{ "channel": { "history_meta_ttl": "60s", "without_namespace": { "history_size": 10, "history_ttl": "120s" } } }""", "channel.without_namespace.history_ttl" },
        { """{ "channel": { "without_namespace": { "history_size": 10, "history_ttl": "1500ms" } } }""", "channel.without_namespace.history_ttl" },
        { """{ "channel": { "without_namespace": { "history_size": -1 } } }""", "channel.without_namespace.history_size" },
        { """{ "channel": { "without_namespace": { "force_recovery": true } } }""", "channel.without_namespace.force_recovery" },
        { """{ "channel": { "without_namespace": { "force_recovery_mode": "replay" } } }""", "channel.without_namespace.force_recovery_mode" },
        { """{ "channel": { "without_namespace": { "auto_cache_recovery": true } } }""", "channel.without_namespace.auto_cache_recovery" },
        { """{ "channel": { "without_namespace": { "allowed_delta_types": ["xdelta"] } } }""", "channel.without_namespace.allowed_delta_types" },
        { """{ "channel": { "without_namespace": { "subscribe_proxy_enabled": true } } }""", "channel.proxy.subscribe.endpoint" },
        { """{ "channel": { "namespaces": [ { "name": "chat", "publish_proxy_name": "missing" } ] } }""", "channel.namespaces[0].publish_proxy_name" },
        { """{ "channel": { "proxy": { "subscribe": { "endpoint": "http://x" }, "subscribe_stream": { "endpoint": "grpc://y" } }, "without_namespace": { "subscribe_stream_proxy_enabled": true, "subscribe_proxy_enabled": true } } }""", "channel.without_namespace.subscribe_stream_proxy_enabled" },
        { """{ "proxies": [ { "name": "default", "endpoint": "http://x" } ] }""", "proxies[0].name" },
        { """{ "proxies": [ { "name": "p1", "endpoint": "http://x" }, { "name": "p1", "endpoint": "http://y" } ] }""", "proxies[1].name" },
        { """{ "proxies": [ { "name": "p1" } ] }""", "proxies[0].endpoint" },
        { """{ "proxies": [ { "name": "p1", "endpoint": "http://x", "timeout": "0s" } ] }""", "proxies[0].timeout" },
        { """{ "proxies": [ { "name": "p1", "endpoint": "http://x", "http": { "status_to_code_transforms": [ { "status_code": 404, "to_error": { "code": 404 }, "to_disconnect": { "code": 4404 } } ] } } ] }""", "proxies[0].http.status_to_code_transforms[0].to_error" },
        { """{ "rpc": { "namespaces": [ { "name": "svc" }, { "name": "svc" } ] } }""", "rpc.namespaces[1].name" },
        { """{ "rpc": { "without_namespace": { "proxy_enabled": true } } }""", "rpc.proxy.endpoint" },
        { """{ "uni_sse": { "connect_code_to_http_response": { "enabled": true, "transforms": [ { "code": 4501, "to": { "status_code": 42 } } ] } } }""", "uni_sse.connect_code_to_http_response.transforms[0].to.status_code" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public void Parse_InvalidConfig_IsRejectedWithAnErrorNamingTheKey(string json, string key)
    {
        var ex = Assert.Throws<ConfigException>(() => RelayConfigLoader.Parse(json, ConfigFileFormat.Json));

        Assert.Contains(ex.Errors, e => e.StartsWith($"invalid value for \"{key}\":", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NegativeChannelLimit_HasTheDocumentedMessage()
    {
        var config = new RelayConfig();
        config.Client.ChannelLimit = -1;

        Assert.Equal(["invalid value for \"client.channel_limit\": must be >= 0"], RelayConfigValidator.Validate(config));
    }

    [Fact]
    public void Validate_NamespaceErrors_NameTheNamespace()
    {
        var config = new RelayConfig();
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "chat", HistoryTtl = TimeSpan.FromSeconds(5) });

        var error = Assert.Single(RelayConfigValidator.Validate(config));
        Assert.Contains("(namespace \"chat\")", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        var config = new RelayConfig();
        config.HttpServer.Port = -1;
        config.Log.Level = "loud";
        config.Engine.Type = "sql";

        Assert.Equal(3, RelayConfigValidator.Validate(config).Count);
        Assert.Equal(3, Assert.Throws<ConfigException>(() => RelayConfigValidator.ThrowIfInvalid(config)).Errors.Count);
    }

    [Fact]
    public void Validate_DisabledPings_AreNotComparedWithPongTimeout()
    {
        var config = new RelayConfig();
        config.Client.PingInterval = TimeSpan.FromTicks(-1);

        Assert.Empty(RelayConfigValidator.Validate(config));
    }

    [Fact]
    public void Validate_UniGrpcTls_FromFilesOrPem_IsAccepted()
    {
        var pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        var key = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";
        var config = new RelayConfig();
        config.UniGrpc.Enabled = true;
        config.UniGrpc.Tls = new TlsConfig { Enabled = true, CertPemFile = "/tls/cert.pem", KeyPemB64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)) };
        Assert.Empty(RelayConfigValidator.Validate(config));

        config.UniGrpc.Tls = new TlsConfig { Enabled = true, CertPem = pem, KeyPem = key };
        Assert.Empty(RelayConfigValidator.Validate(config));

        // Disabled TLS is not checked, whatever it holds.
        config.UniGrpc.Tls = new TlsConfig { Enabled = false, CertPem = "junk" };
        Assert.Empty(RelayConfigValidator.Validate(config));
    }

    [Fact]
    public void Validate_WorkingSetup_IsAccepted()
    {
        var result = RelayConfigLoader.Parse("""
            {
              "engine": { "type": "redis", "redis": { "address": ["redis://redis:6379"] } },
              "client": {
                "token": { "hmac_secret_key": "k", "user_id_claim": "user_id" },
                "subscribe_to_user_personal_channel": { "enabled": true, "personal_channel_namespace": "personal", "single_connection": true },
                "proxy": { "connect": { "enabled": true, "endpoint": "http://app/connect" } }
              },
              "channel": {
                "proxy": { "subscribe": { "endpoint": "http://app/subscribe" } },
                "namespaces": [
                  { "name": "personal", "presence": true },
                  { "name": "chat", "history_size": 100, "history_ttl": "300s", "force_recovery": true, "force_recovery_mode": "cache", "auto_cache_recovery": true, "subscribe_proxy_enabled": true },
                  { "name": "feed", "publish_proxy_enabled": true, "publish_proxy_name": "publisher" }
                ]
              },
              "proxies": [ { "name": "publisher", "endpoint": "grpc://app:9000" } ],
              "rpc": { "proxy": { "endpoint": "http://app/rpc" }, "namespaces": [ { "name": "svc.v1", "proxy_enabled": true } ] }
            }
            """, ConfigFileFormat.Json);

        Assert.Empty(result.Warnings);
    }
}
