using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using K8sRelay.Server.Grpc;
using K8sRelay.Server.Grpc.Api;
using K8sRelay.Server.Tests.Api;

namespace K8sRelay.Server.Tests.Grpc;

/// <summary>The GRPC server API with the generated .NET client over HTTP/2 (cleartext h2c and TLS).</summary>
[Trait("Category", "Integration")]
public sealed class GrpcApiTests
{
    private const string GrpcKey = "grpc-test-key";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Metadata Auth => new() { { "authorization", "apikey " + GrpcKey } };

    [Fact]
    public async Task PublishHistoryInfo_OverH2c()
    {
        await using var server = await ApiTestServer.StartAsync(c => c.GrpcApi.Key = GrpcKey, grpc: true);
        using var channel = GrpcChannel.ForAddress(server.GrpcUrl);
        var client = new CentrifugoApi.CentrifugoApiClient(channel);

        var published = await client.PublishAsync(new PublishRequest { Channel = "hist:g", Data = ByteString.CopyFromUtf8("""{"n":1}""") }, Auth, cancellationToken: Ct);
        var history = await client.HistoryAsync(new HistoryRequest { Channel = "hist:g", Limit = 10 }, Auth, cancellationToken: Ct);
        var info = await client.InfoAsync(new InfoRequest(), Auth, cancellationToken: Ct);
        var unknown = await client.PublishAsync(new PublishRequest { Channel = "nope:g", Data = ByteString.CopyFromUtf8("{}") }, Auth, cancellationToken: Ct);

        Assert.Null(published.Error);
        Assert.Equal(1UL, published.Result.Offset);
        Assert.Equal("""{"n":1}""", history.Result.Publications.Single().Data.ToStringUtf8());
        Assert.Equal(server.Node.Id, info.Result.Nodes.Single().Uid);
        Assert.Equal(102U, unknown.Error.Code);
    }

    [Fact]
    public async Task Batch_RepliesInOrder_NeverTransportErrors()
    {
        await using var server = await ApiTestServer.StartAsync(c => c.GrpcApi.ErrorMode = "transport", grpc: true);
        using var channel = GrpcChannel.ForAddress(server.GrpcUrl);
        var client = new CentrifugoApi.CentrifugoApiClient(channel);
        var batch = new BatchRequest { Parallel = true };
        batch.Commands.Add(new Command { Publish = new PublishRequest { Channel = "hist:b", Data = ByteString.CopyFromUtf8("{}") } });
        batch.Commands.Add(new Command { Publish = new PublishRequest { Channel = "nope:b", Data = ByteString.CopyFromUtf8("{}") } });
        batch.Commands.Add(new Command { PresenceStats = new PresenceStatsRequest { Channel = "pres:b" } });

        var response = await client.BatchAsync(batch, cancellationToken: Ct);

        Assert.Equal(3, response.Replies.Count);
        Assert.Equal(1UL, response.Replies[0].Publish.Offset);
        Assert.Equal(102U, response.Replies[1].Error.Code);
        Assert.NotNull(response.Replies[2].PresenceStats);
    }

    [Fact]
    public async Task Key_MissingOrWrong_Unauthenticated()
    {
        await using var server = await ApiTestServer.StartAsync(c => c.GrpcApi.Key = GrpcKey, grpc: true);
        using var channel = GrpcChannel.ForAddress(server.GrpcUrl);
        var client = new CentrifugoApi.CentrifugoApiClient(channel);

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await client.InfoAsync(new InfoRequest(), cancellationToken: Ct));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await client.InfoAsync(new InfoRequest(), new Metadata { { "authorization", "apikey other" } }, cancellationToken: Ct));

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
    }

    [Fact]
    public async Task TransportErrorMode_Metadata_StatusWithApiErrorDetail()
    {
        await using var server = await ApiTestServer.StartAsync(grpc: true);
        using var channel = GrpcChannel.ForAddress(server.GrpcUrl);
        var client = new CentrifugoApi.CentrifugoApiClient(channel);
        var transport = new Metadata { { "x-centrifugo-error-mode", "transport" } };

        var notFound = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.PublishAsync(new PublishRequest { Channel = "nope:x", Data = ByteString.CopyFromUtf8("{}") }, transport, cancellationToken: Ct));
        var badRequest = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.PublishAsync(new PublishRequest { Channel = "hist:x" }, transport, cancellationToken: Ct));
        var unavailable = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.HistoryAsync(new HistoryRequest { Channel = "chat:x" }, transport, cancellationToken: Ct));

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("unknown channel", notFound.Status.Detail);
        Assert.Equal(102U, GrpcErrors.ReadError(notFound)!.Code);
        Assert.Equal(StatusCode.InvalidArgument, badRequest.StatusCode);
        Assert.Equal(107U, GrpcErrors.ReadError(badRequest)!.Code);
        Assert.Equal(StatusCode.InvalidArgument, unavailable.StatusCode);
    }

    [Fact]
    public async Task ProMethod_Unimplemented()
    {
        await using var server = await ApiTestServer.StartAsync(grpc: true);
        using var channel = GrpcChannel.ForAddress(server.GrpcUrl);
        var method = new Method<InfoRequest, InfoResponse>(
            MethodType.Unary, "centrifugal.centrifugo.api.CentrifugoApi", "Connections",
            Marshallers.Create(r => r.ToByteArray(), InfoRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), InfoResponse.Parser.ParseFrom));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(cancellationToken: Ct), new InfoRequest()));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Tls_ServesOverHttpsWithConfiguredCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await using var server = await ApiTestServer.StartAsync(c =>
        {
            c.GrpcApi.Tls.Enabled = true;
            c.GrpcApi.Tls.CertPem = certificate.ExportCertificatePem();
            c.GrpcApi.Tls.KeyPem = key.ExportPkcs8PrivateKeyPem();
        }, grpc: true);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint,
        };
        using var channel = GrpcChannel.ForAddress(server.GrpcUrl.Replace("http://", "https://", StringComparison.Ordinal), new GrpcChannelOptions { HttpHandler = handler });
        var client = new CentrifugoApi.CentrifugoApiClient(channel);

        var info = await client.InfoAsync(new InfoRequest(), cancellationToken: Ct);

        Assert.Single(info.Result.Nodes);
    }
}
