using Grpc.Core;
using Grpc.Net.Client;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Security;
using K8sRelay.Server.Transports.UniGrpc.Messages;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// The unidirectional GRPC transport with the client generated from <c>unistream.proto</c>: connect
/// push, publications, pings, disconnect push, connect errors, and that the main HTTP port does not
/// serve the service.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UniGrpcTests
{
    [Fact]
    public async Task Consume_ConnectPublicationPingDisconnect()
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c => c.Client.PingInterval = TimeSpan.FromSeconds(1));
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Config.UniGrpc.Port}");
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1), channels: ["news:uni"]);
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);

        using var call = client.Consume(new ConnectRequest { Token = token, Name = "grpc-test" }, cancellationToken: limit.Token);
        var stream = call.ResponseStream;
        Assert.True(await stream.MoveNext(limit.Token));
        var connect = stream.Current.Connect;
        Assert.NotNull(connect);
        Assert.Equal(36, connect.Client.Length);
        Assert.True(connect.Subs.ContainsKey("news:uni"));
        Assert.Equal(1u, connect.Ping);

        await TransportTestHelpers.PublishAsync(server, "news:uni", new { text = "hello" });
        Push push;
        do
        {
            Assert.True(await stream.MoveNext(limit.Token));
            push = stream.Current;
        }
        while (push.Pub is null);

        Assert.Equal("news:uni", push.Channel);
        Assert.Equal("""{"text":"hello"}""", push.Pub.Data.ToStringUtf8());

        // A ping is an empty push.
        do
        {
            Assert.True(await stream.MoveNext(limit.Token));
        }
        while (stream.Current.CalculateSize() != 0);

        await TransportTestHelpers.DisconnectAsync(server, connect.Client, new DisconnectReason(4501, "test over"));
        do
        {
            Assert.True(await stream.MoveNext(limit.Token));
            push = stream.Current;
        }
        while (push.Disconnect is null);

        Assert.Equal(4501u, push.Disconnect.Code);
        Assert.Equal("test over", push.Disconnect.Reason);
        Assert.False(await stream.MoveNext(limit.Token));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Consume_InvalidToken_DisconnectPush3500()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Config.UniGrpc.Port}");
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);

        using var call = client.Consume(new ConnectRequest { Token = "not-a-token" }, cancellationToken: limit.Token);

        Assert.True(await call.ResponseStream.MoveNext(limit.Token));
        Assert.Equal(3500u, call.ResponseStream.Current.Disconnect.Code);
        Assert.False(await call.ResponseStream.MoveNext(limit.Token));
    }

    [Fact]
    public async Task Consume_AboveTheConnectionLimit_Unavailable_AndASlotFreesOnClose()
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c => c.Client.ConnectionLimit = 1);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.Config.UniGrpc.Port}");
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);

        using (var first = client.Consume(new ConnectRequest { Token = token }, cancellationToken: limit.Token))
        {
            Assert.True(await first.ResponseStream.MoveNext(limit.Token));
            Assert.NotNull(first.ResponseStream.Current.Connect);

            using var second = client.Consume(new ConnectRequest { Token = token }, cancellationToken: limit.Token);
            var refused = await Assert.ThrowsAsync<RpcException>(() => second.ResponseStream.MoveNext(limit.Token));
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            Assert.Equal("connection limit reached", refused.Status.Detail);
        }

        // The first call is cancelled by its disposal; its slot is released once the server sees it end.
        await Poll.UntilAsync(async () =>
        {
            using var third = client.Consume(new ConnectRequest { Token = token }, cancellationToken: limit.Token);
            try
            {
                return await third.ResponseStream.MoveNext(limit.Token) && third.ResponseStream.Current.Connect is not null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, interval: 100);
    }

    [Fact]
    public async Task MainPort_DoesNotServeTheService()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var handler = new SocketsHttpHandler();
        using var channel = GrpcChannel.ForAddress(server.Url, new GrpcChannelOptions { HttpHandler = handler });
        var client = new CentrifugoUniStream.CentrifugoUniStreamClient(channel);

        using var call = client.Consume(new ConnectRequest(), cancellationToken: TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }
}
