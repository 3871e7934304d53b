using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Validation;

namespace K8sRelay.Configuration;

/// <summary>Engine, broker, presence manager and transport rules.</summary>
public static partial class RelayConfigValidator
{
    private static void ValidateEngines(RelayConfig config, ValidationScope root)
    {
        root.OneOf("engine.type", config.Engine.Type, "memory", "redis");
        root.OneOf("broker.type", config.Broker.Type, "memory", "redis", "nats");
        root.OneOf("presence_manager.type", config.PresenceManager.Type, "memory", "redis");

        var engineUsesRedis = config.Engine.Type == "redis";
        if (engineUsesRedis)
        {
            var redis = root.Under("engine.redis");
            ValidateRedis(redis, config.Engine.Redis);
            redis.Positive("presence_ttl", config.Engine.Redis.PresenceTtl);
        }

        if (config.Broker.Enabled && config.Broker.Type == "redis")
        {
            ValidateRedis(root.Under("broker.redis"), config.Broker.Redis);
        }

        if (config.Broker.Enabled && config.Broker.Type == "nats")
        {
            var nats = root.Under("broker.nats");
            nats.NotEmpty("url", config.Broker.Nats.Url);
            nats.NonNegative("dial_timeout", config.Broker.Nats.DialTimeout);
            nats.NonNegative("write_timeout", config.Broker.Nats.WriteTimeout);
        }

        if (config.PresenceManager.Enabled && config.PresenceManager.Type == "redis")
        {
            var redis = root.Under("presence_manager.redis");
            ValidateRedis(redis, config.PresenceManager.Redis);
            redis.Positive("presence_ttl", config.PresenceManager.Redis.PresenceTtl);
        }
    }

    private static void ValidateRedis(ValidationScope scope, RedisConnectionConfig redis)
    {
        if (redis.Address.Count == 0 && redis.ClusterAddress.Count == 0 && redis.SentinelAddress.Count == 0)
        {
            scope.Fail("address", "no Redis address set (address, cluster_address or sentinel_address)");
        }

        if (redis.Address.Any(string.IsNullOrWhiteSpace))
        {
            scope.Fail("address", "must not contain empty entries");
        }

        if (redis.SentinelAddress.Count > 0)
        {
            scope.NotEmpty("sentinel_master_name", redis.SentinelMasterName);
        }

        scope.NonNegative("db", redis.Db);
        scope.Positive("connect_timeout", redis.ConnectTimeout);
        scope.Positive("io_timeout", redis.IoTimeout);
    }

    private static void ValidateTransports(RelayConfig config, ValidationScope root)
    {
        var ws = config.Websocket;
        WebsocketRules(root.Under("websocket"), ws.HandlerPrefix, ws.CompressionLevel, ws.CompressionMinSize, ws.ReadBufferSize, ws.WriteBufferSize, ws.WriteTimeout, ws.MessageSizeLimit);
        var uni = config.UniWebsocket;
        WebsocketRules(root.Under("uni_websocket"), uni.HandlerPrefix, uni.CompressionLevel, uni.CompressionMinSize, uni.ReadBufferSize, uni.WriteBufferSize, uni.WriteTimeout, uni.MessageSizeLimit);

        BodyRules(root.Under("sse"), config.Sse.HandlerPrefix, config.Sse.MaxRequestBodySize);
        BodyRules(root.Under("http_stream"), config.HttpStream.HandlerPrefix, config.HttpStream.MaxRequestBodySize);
        BodyRules(root.Under("emulation"), config.Emulation.HandlerPrefix, config.Emulation.MaxRequestBodySize);
        BodyRules(root.Under("uni_sse"), config.UniSse.HandlerPrefix, config.UniSse.MaxRequestBodySize);
        BodyRules(root.Under("uni_http_stream"), config.UniHttpStream.HandlerPrefix, config.UniHttpStream.MaxRequestBodySize);
        HttpResponseTransforms(root.Under("uni_sse.connect_code_to_http_response"), config.UniSse.ConnectCodeToHttpResponse);
        HttpResponseTransforms(root.Under("uni_http_stream.connect_code_to_http_response"), config.UniHttpStream.ConnectCodeToHttpResponse);

        root.HandlerPrefix("webtransport.handler_prefix", config.Webtransport.HandlerPrefix);
        root.Positive("webtransport.message_size_limit", config.Webtransport.MessageSizeLimit);

        var uniGrpc = root.Under("uni_grpc");
        uniGrpc.NonNegative("max_receive_message_size", config.UniGrpc.MaxReceiveMessageSize);
        if (config.UniGrpc.Enabled)
        {
            uniGrpc.Port("port", config.UniGrpc.Port);
            ServerTls(uniGrpc.Under("tls"), config.UniGrpc.Tls);
        }
    }

    private static void WebsocketRules(ValidationScope scope, string handlerPrefix, int compressionLevel, int compressionMinSize, int readBufferSize, int writeBufferSize, TimeSpan writeTimeout, int messageSizeLimit)
    {
        scope.HandlerPrefix("handler_prefix", handlerPrefix);
        if (compressionLevel is < -2 or > 9)
        {
            scope.Fail("compression_level", $"must be between -2 and 9, got {compressionLevel}");
        }

        scope.NonNegative("compression_min_size", compressionMinSize);
        scope.NonNegative("read_buffer_size", readBufferSize);
        scope.NonNegative("write_buffer_size", writeBufferSize);
        scope.Positive("write_timeout", writeTimeout);
        scope.Positive("message_size_limit", messageSizeLimit);
    }

    private static void BodyRules(ValidationScope scope, string handlerPrefix, int maxRequestBodySize)
    {
        scope.HandlerPrefix("handler_prefix", handlerPrefix);
        scope.Positive("max_request_body_size", maxRequestBodySize);
    }

    private static void HttpResponseTransforms(ValidationScope scope, ConnectCodeToHttpResponseConfig mapping)
    {
        for (var i = 0; i < mapping.Transforms.Count; i++)
        {
            var transform = mapping.Transforms[i];
            var item = scope.Under($"transforms[{i}]");
            item.Positive("code", transform.Code);
            if (transform.To.StatusCode is < 100 or > 599)
            {
                item.Fail("to.status_code", $"must be an HTTP status (100..599), got {transform.To.StatusCode}");
            }
        }
    }
}
