using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using K8sRelay.Configuration;
using K8sRelay.Protocol.Messages;
using K8sRelay.Server.Hosting;
using K8sRelay.Server.Tests.Cli;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Transports.UniGrpc.Messages;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// <c>uni_grpc.tls</c>: the unidirectional GRPC port serves TLS with a certificate made by the test, the generated
/// client consumes over it; a certificate that does not load stops the start with an error naming its key; and
/// <c>uni_grpc.max_receive_message_size</c> limits the connect request.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UniGrpcTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k8srelay-unigrpc-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Tls_GeneratedClientConsumesOverHttps_AndGetsTheConnectPush()
    {
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var certFile = Path.Combine(_directory, "tls.crt");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
        await using var server = await TransportTestHelpers.StartServerAsync(c =>
        {
            c.UniGrpc.Tls.Enabled = true;
            c.UniGrpc.Tls.CertPemFile = certFile;
            c.UniGrpc.Tls.KeyPemB64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key.ExportPkcs8PrivateKeyPem()));
        });
        string? presented = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
        {
            presented = cert?.GetCertHashString();
            return presented == certificate.Thumbprint;
        };
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.Config.UniGrpc.Port}", new GrpcChannelOptions { HttpHandler = handler });
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);
        var token = server.Tokens.CreateConnectionToken("tls-user", TimeSpan.FromHours(1), channels: ["news:tls"]);
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);

        using var call = client.Consume(new ConnectRequest { Token = token }, cancellationToken: limit.Token);

        Assert.True(await call.ResponseStream.MoveNext(limit.Token));
        var connect = call.ResponseStream.Current.Connect;
        Assert.NotNull(connect);
        Assert.Equal(36, connect.Client.Length);
        Assert.True(connect.Subs.ContainsKey("news:tls"));
        Assert.Equal(certificate.Thumbprint, presented);
        Assert.NotNull(server.Node.Hub.FindClient(connect.Client));
    }

    [Fact]
    public async Task Tls_PlainTextClient_IsNotServed()
    {
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        await using var server = await TransportTestHelpers.StartServerAsync(c =>
        {
            c.UniGrpc.Tls.Enabled = true;
            c.UniGrpc.Tls.CertPem = certificate.ExportCertificatePem();
            c.UniGrpc.Tls.KeyPem = key.ExportPkcs8PrivateKeyPem();
        });
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Config.UniGrpc.Port}");
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);

        using var call = client.Consume(new ConnectRequest(), cancellationToken: limit.Token);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(limit.Token));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public void BadCertificates_StopTheStart_WithAnErrorNamingTheKey()
    {
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var certPem = certificate.ExportCertificatePem();

        var notACertificate = BuildError(t =>
        {
            t.CertPem = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
            t.KeyPem = key.ExportPkcs8PrivateKeyPem();
        });
        var wrongKey = BuildError(t =>
        {
            t.CertPem = certPem;
            t.KeyPem = otherKey.ExportPkcs8PrivateKeyPem();
        });
        var missingFile = BuildError(t =>
        {
            t.CertPemFile = Path.Combine(_directory, "missing.crt");
            t.KeyPem = key.ExportPkcs8PrivateKeyPem();
        });

        Assert.StartsWith("invalid value for \"uni_grpc.tls.cert_pem\": not a PEM certificate", notACertificate, StringComparison.Ordinal);
        Assert.StartsWith("invalid value for \"uni_grpc.tls.key_pem\": not a PEM private key of the configured certificate", wrongKey, StringComparison.Ordinal);
        Assert.StartsWith("invalid value for \"uni_grpc.tls.cert_pem_file\": cannot read", missingFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnreadableCertificateFile_ExitsWithTheKeyInTheError()
    {
        var config = Path.Combine(_directory, "config.json");
        var missing = Path.Combine(_directory, "nowhere.crt").Replace("\\", "\\\\", StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, $$"""
            {
              "http_server": { "address": "127.0.0.1", "port": {{RelayTestServer.FreePort()}} },
              "uni_grpc": {
                "enabled": true, "address": "127.0.0.1", "port": {{RelayTestServer.FreePort()}},
                "tls": { "enabled": true, "cert_pem_file": "{{missing}}", "key_pem_file": "{{missing}}" }
              }
            }
            """, TestContext.Current.CancellationToken);

        var (code, output) = await CliRun.RunAsync("serve", "-c", config);

        Assert.Equal(1, code);
        Assert.Contains("error: invalid value for \"uni_grpc.tls.cert_pem_file\": cannot read", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxReceiveMessageSize_LargerConnectRequest_IsRejected()
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c => c.UniGrpc.MaxReceiveMessageSize = 1024);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Config.UniGrpc.Port}");
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);
        var token = server.Tokens.CreateConnectionToken("size-user", TimeSpan.FromHours(1));
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);

        using var small = client.Consume(new ConnectRequest { Token = token }, cancellationToken: limit.Token);
        Assert.True(await small.ResponseStream.MoveNext(limit.Token));
        Assert.NotNull(small.ResponseStream.Current.Connect);

        using var large = client.Consume(
            new ConnectRequest { Token = token, Data = Google.Protobuf.ByteString.CopyFrom(new byte[2048]) },
            cancellationToken: limit.Token);
        var error = await Assert.ThrowsAsync<RpcException>(() => large.ResponseStream.MoveNext(limit.Token));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private static X509Certificate2 SelfSigned(RSA key)
    {
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static string BuildError(Action<K8sRelay.Configuration.Model.TlsConfig> tls)
    {
        var config = TestConfigs.Default();
        config.HttpServer.Address = "127.0.0.1";
        config.HttpServer.Port = RelayTestServer.FreePort();
        config.UniGrpc.Enabled = true;
        config.UniGrpc.Address = "127.0.0.1";
        config.UniGrpc.Port = RelayTestServer.FreePort();
        config.UniGrpc.Tls.Enabled = true;
        tls(config.UniGrpc.Tls);
        var error = Assert.Throws<ConfigException>(() => RelayServerApp.Build(config, []));
        return Assert.Single(error.Errors);
    }
}
