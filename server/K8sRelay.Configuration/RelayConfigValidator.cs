using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Validation;

namespace K8sRelay.Configuration;

/// <summary>
/// Checks a <see cref="RelayConfig"/> against Centrifugo's rules (and a few range checks of
/// its own). Each error names its full key, for example
/// <c>invalid value for "client.channel_limit": must be &gt;= 0</c>. A configuration Centrifugo
/// accepts is accepted here, apart from values that are out of any sensible range (negative
/// limits, ports outside 1..65535).
/// </summary>
public static partial class RelayConfigValidator
{
    private static readonly string[] LogLevels = ["none", "trace", "debug", "info", "warn", "error"];
    private static readonly string[] LogFormats = ["text", "json"];
    private static readonly string[] ErrorModes = ["", "transport"];
    private static readonly string[] PublicationDataFormats = ["", "json", "json_object", "binary"];

    /// <summary>Returns every problem of <paramref name="config"/>; an empty list means valid.</summary>
    public static IReadOnlyList<string> Validate(RelayConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = new ValidationScope();
        ValidateServer(config, root);
        ValidateEngines(config, root);
        ValidateTransports(config, root);
        ValidateClient(config, root);
        var proxyNames = ValidateNamedProxies(config, root);
        ValidateChannels(config, root, proxyNames);
        ValidateRpc(config, root, proxyNames);
        return root.Errors;
    }

    /// <summary>Throws when <paramref name="config"/> is invalid.</summary>
    /// <exception cref="ConfigException">The configuration has at least one problem.</exception>
    public static void ThrowIfInvalid(RelayConfig config)
    {
        var errors = Validate(config);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
    }

    private static void ValidateServer(RelayConfig config, ValidationScope root)
    {
        var http = root.Under("http_server");
        http.Port("port", config.HttpServer.Port);
        if (config.HttpServer.InternalPort.Length > 0 &&
            (!int.TryParse(config.HttpServer.InternalPort, out var internalPort) || internalPort is < 1 or > 65535))
        {
            http.Fail("internal_port", $"port must be between 1 and 65535, got \"{config.HttpServer.InternalPort}\"");
        }

        ServerTls(http.Under("tls"), config.HttpServer.Tls);
        ServerTls(http.Under("internal_tls"), config.HttpServer.InternalTls);

        root.OneOf("log.level", config.Log.Level, LogLevels);
        root.OneOf("log.format", config.Log.Format, LogFormats);
        root.OneOf("http_api.error_mode", config.HttpApi.ErrorMode, ErrorModes);
        root.HandlerPrefix("http_api.handler_prefix", config.HttpApi.HandlerPrefix);

        var grpc = root.Under("grpc_api");
        grpc.OneOf("error_mode", config.GrpcApi.ErrorMode, ErrorModes);
        grpc.NonNegative("max_receive_message_size", config.GrpcApi.MaxReceiveMessageSize);
        if (config.GrpcApi.Enabled)
        {
            grpc.Port("port", config.GrpcApi.Port);
            ServerTls(grpc.Under("tls"), config.GrpcApi.Tls);
        }

        root.HandlerPrefix("admin.handler_prefix", config.Admin.HandlerPrefix);
        root.HandlerPrefix("prometheus.handler_prefix", config.Prometheus.HandlerPrefix);
        root.HandlerPrefix("health.handler_prefix", config.Health.HandlerPrefix);
        root.HandlerPrefix("swagger.handler_prefix", config.Swagger.HandlerPrefix);
        root.HandlerPrefix("debug.handler_prefix", config.Debug.HandlerPrefix);
        if (config.Graphite.Enabled)
        {
            root.Port("graphite.port", config.Graphite.Port);
            root.Positive("graphite.interval", config.Graphite.Interval);
            root.NotEmpty("graphite.host", config.Graphite.Host);
        }

        root.Positive("node.info_metrics_aggregate_interval", config.Node.InfoMetricsAggregateInterval);
        root.Positive("shutdown.timeout", config.Shutdown.Timeout);
        root.NonNegative("shutdown.drain_grace", config.Shutdown.DrainGrace);
        root.NonNegative("shutdown.drain_period", config.Shutdown.DrainPeriod);
    }

    private static void ServerTls(ValidationScope scope, TlsConfig tls)
    {
        if (!tls.Enabled)
        {
            return;
        }

        if (tls.CertPem.Length == 0 && tls.CertPemB64.Length == 0 && tls.CertPemFile.Length == 0)
        {
            scope.Fail("cert_pem", "TLS is enabled but no certificate is set (cert_pem, cert_pem_b64 or cert_pem_file)");
        }

        if (tls.KeyPem.Length == 0 && tls.KeyPemB64.Length == 0 && tls.KeyPemFile.Length == 0)
        {
            scope.Fail("key_pem", "TLS is enabled but no private key is set (key_pem, key_pem_b64 or key_pem_file)");
        }

        // The value that is used (a file wins over base64, base64 over raw text) must at least look like PEM;
        // files are read, and every PEM parsed, when the server starts.
        PemText(scope, "cert_pem", tls.CertPemFile, tls.CertPemB64, tls.CertPem);
        PemText(scope, "key_pem", tls.KeyPemFile, tls.KeyPemB64, tls.KeyPem);
    }

    private static void PemText(ValidationScope scope, string name, string file, string base64, string raw)
    {
        if (file.Length > 0)
        {
            return;
        }

        if (base64.Length > 0)
        {
            var bytes = new byte[base64.Length];
            if (!Convert.TryFromBase64String(base64, bytes, out var length))
            {
                scope.Fail(name + "_b64", "not valid base64");
            }
            else if (!LooksLikePem(System.Text.Encoding.UTF8.GetString(bytes, 0, length)))
            {
                scope.Fail(name + "_b64", "does not decode to a PEM block (-----BEGIN …-----)");
            }
        }
        else if (raw.Length > 0 && !LooksLikePem(raw))
        {
            scope.Fail(name, "not a PEM block (-----BEGIN …-----)");
        }
    }

    private static bool LooksLikePem(string text) => text.Contains("-----BEGIN ", StringComparison.Ordinal);
}
