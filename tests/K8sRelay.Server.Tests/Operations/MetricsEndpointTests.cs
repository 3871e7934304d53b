using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Server.Grpc.Api;
using K8sRelay.Server.Tests.Security;
using K8sRelay.Testing.Processes;
using GrpcInfoRequest = K8sRelay.Server.Grpc.Api.InfoRequest;
using GrpcPresenceStatsRequest = K8sRelay.Server.Grpc.Api.PresenceStatsRequest;
using GrpcPublishRequest = K8sRelay.Server.Grpc.Api.PublishRequest;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// <c>/metrics</c> scraped over HTTP from a real server: Centrifugo's metric names and labels, gauges that follow
/// connections and subscriptions up and down, counters that follow messages, errors and disconnects, and the
/// server API over HTTP and GRPC (errors inside a 200 included).
/// </summary>
[Trait("Category", "Integration")]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Gauges_FollowConnectionsAndSubscriptions_UpAndDown()
    {
        await using var server = await OperationsServer.StartAsync();
        await using var other = await OperationsServer.StartAsync();
        await ExpectAsync(server, MetricNames.NumClients, 0);

        var first = await ConnectAsync(server, "u1");
        var second = await ConnectAsync(server, "u1");
        var third = await ConnectAsync(server, "u2");
        await ExpectAsync(server, MetricNames.NumClients, 3);
        await ExpectAsync(server, MetricNames.NumUsers, 2);
        await ExpectAsync(server, MetricNames.ConnectionsInflight, 3, "transport", "websocket");

        Assert.True((await first.SubscribeAsync("chat:a")).Succeeded("subscribe"));
        Assert.True((await second.SubscribeAsync("chat:a")).Succeeded("subscribe"));
        Assert.True((await third.SubscribeAsync("chat:b")).Succeeded("subscribe"));
        await ExpectAsync(server, MetricNames.NumSubscriptions, 3);
        await ExpectAsync(server, MetricNames.NumChannels, 2);

        // Another server in the same process reports only its own node.
        var otherScrape = await other.ScrapeAsync();
        Assert.Equal(0, otherScrape.Value(MetricNames.NumClients));
        Assert.Equal(0, otherScrape.Value(MetricNames.NumSubscriptions));

        Assert.True((await first.RequestAsync(new Dictionary<string, object?> { ["channel"] = "chat:a" }, "unsubscribe")).Succeeded("unsubscribe"));
        await ExpectAsync(server, MetricNames.NumSubscriptions, 2);
        await ExpectAsync(server, MetricNames.NumChannels, 2);

        await second.DisposeAsync();
        await ExpectAsync(server, MetricNames.NumClients, 2);
        await ExpectAsync(server, MetricNames.NumSubscriptions, 1);
        await ExpectAsync(server, MetricNames.NumChannels, 1);
        await ExpectAsync(server, MetricNames.NumUsers, 2);

        await first.DisposeAsync();
        await third.DisposeAsync();
        await ExpectAsync(server, MetricNames.NumClients, 0);
        await ExpectAsync(server, MetricNames.NumUsers, 0);
        await ExpectAsync(server, MetricNames.NumSubscriptions, 0);
        await ExpectAsync(server, MetricNames.NumChannels, 0);
        await ExpectAsync(server, MetricNames.ConnectionsInflight, 0, "transport", "websocket");
        Assert.Equal(3, (await server.ScrapeAsync()).Value(MetricNames.ConnectionsAccepted, "transport", "websocket"));
    }

    [Fact]
    public async Task Counters_FollowMessagesErrorsAndDisconnects()
    {
        await using var server = await OperationsServer.StartAsync();
        await using var client = await ConnectAsync(server, "u1");
        Assert.True((await client.SubscribeAsync("chat:m")).Succeeded("subscribe"));

        for (var i = 0; i < 3; i++)
        {
            using var response = await server.ApiAsync("publish", "{\"channel\":\"chat:m\",\"data\":{\"n\":" + i + "}}");
            Assert.True(response.IsSuccessStatusCode);
            var push = await client.ReceiveAsync();
            Assert.NotNull(push.Reply);
        }

        var unknown = await client.SubscribeAsync("nowhere:x");
        Assert.Equal(102, unknown.ErrorCode);

        await using var rude = await ConnectAsync(server, "u2");
        await rude.SendTextAsync("this is not a command");
        Assert.Equal(3501, (await rude.ReceiveAsync()).CloseCode);

        var scrape = await PollScrapeAsync(server, s => s.Value(MetricNames.ServerDisconnects, "code", "3501") >= 1);
        Assert.Equal(3, scrape.Value(MetricNames.MessagesSent, "type", "publication"));
        Assert.Equal(3, scrape.Value(MetricNames.MessagesReceived, "type", "publication"));
        Assert.Equal(1, scrape.Value(MetricNames.ReplyErrors, "method", "subscribe", "code", "102"));
        Assert.Equal(1, scrape.Value(MetricNames.ServerDisconnects, "code", "3501"));
        Assert.True(scrape.Value(MetricNames.TransportMessagesSent, "transport", "websocket") >= 3 + 2 + 1 + 1);
        Assert.True(scrape.Value(MetricNames.TransportMessagesSentSize, "transport", "websocket") > 0);
        Assert.True(scrape.Value(MetricNames.TransportMessagesReceived, "transport", "websocket") >= 4);
        Assert.Equal(2, scrape.Value(MetricNames.CommandDuration + "_count", "method", "connect"));
        Assert.Equal(2, scrape.Value(MetricNames.CommandDuration + "_count", "method", "subscribe"));
        Assert.Equal(2, scrape.Value(MetricNames.CommandDuration + "_bucket", "method", "subscribe", "le", "+Inf"));
        Assert.Equal(3, scrape.Value(MetricNames.ApiCommandDuration + "_count", "protocol", "http", "method", "publish"));
        Assert.Equal("counter", scrape.TypeOf(MetricNames.MessagesSent));
        Assert.Equal("gauge", scrape.TypeOf(MetricNames.NumClients));
        Assert.Equal("histogram", scrape.TypeOf(MetricNames.CommandDuration));
    }

    [Fact]
    public async Task Scrape_HasBuildNodeApiErrorsAndRuntimeMetrics()
    {
        await using var server = await OperationsServer.StartAsync();
        using (var unauthorized = new HttpRequestMessage(HttpMethod.Post, "/api/publish"))
        {
            unauthorized.Content = new StringContent("{}");
            using var response = await server.Http.SendAsync(unauthorized, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var scrape = await PollScrapeAsync(server, s => s.Has("kestrel_active_connections") || s.Names.Any(n => n.StartsWith("kestrel_", StringComparison.Ordinal)));
        var build = Assert.Single(scrape.Samples(MetricNames.Build));
        Assert.Equal(K8sRelay.Core.Node.NodeVersion.Current, build.Labels["version"]);
        Assert.Equal(1, build.Value);
        Assert.Equal(1, scrape.Value(MetricNames.NumNodes));
        Assert.Equal(0, scrape.Value(MetricNames.Draining));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "http", "method", "publish", "error", "401"));
        Assert.Contains(scrape.Names, n => n.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GrpcApi_DurationByMethod_AndApiErrorsInsideAndOutsideTheResponse()
    {
        const string GrpcKey = "metrics-grpc-key";
        var grpcPort = FreePorts.Next();
        await using var server = await OperationsServer.StartAsync(config =>
        {
            config.GrpcApi.Enabled = true;
            config.GrpcApi.Address = "127.0.0.1";
            config.GrpcApi.Port = grpcPort;
            config.GrpcApi.Key = GrpcKey;
        });
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var api = new CentrifugoApi.CentrifugoApiClient(channel);
        var auth = new Metadata { { "authorization", "apikey " + GrpcKey } };
        var ct = TestContext.Current.CancellationToken;

        Assert.Null((await api.PublishAsync(new GrpcPublishRequest { Channel = "chat:g", Data = ByteString.CopyFromUtf8("{}") }, auth, cancellationToken: ct)).Error);
        Assert.Equal(102u, (await api.PublishAsync(new GrpcPublishRequest { Channel = "nowhere:g", Data = ByteString.CopyFromUtf8("{}") }, auth, cancellationToken: ct)).Error.Code);
        Assert.Equal(108u, (await api.PresenceStatsAsync(new GrpcPresenceStatsRequest { Channel = "chat:g" }, auth, cancellationToken: ct)).Error.Code);
        var transport = new Metadata { { "authorization", "apikey " + GrpcKey }, { "x-centrifugo-error-mode", "transport" } };
        var notFound = await Assert.ThrowsAsync<RpcException>(async () =>
            await api.PublishAsync(new GrpcPublishRequest { Channel = "nowhere:t", Data = ByteString.CopyFromUtf8("{}") }, transport, cancellationToken: ct));
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(async () => await api.InfoAsync(new GrpcInfoRequest(), cancellationToken: ct));
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);

        // The same in-body error over HTTP: a 200 whose body is the error.
        using (var response = await server.ApiAsync("publish", """{"channel":"nowhere:h","data":{}}"""))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"code\":102", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        var scrape = await server.ScrapeAsync();
        Assert.Equal(3, scrape.Value(MetricNames.ApiCommandDuration + "_count", "protocol", "grpc", "method", "publish"));
        Assert.Equal(3, scrape.Value(MetricNames.ApiCommandDuration + "_bucket", "protocol", "grpc", "method", "publish", "le", "+Inf"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandDuration + "_count", "protocol", "grpc", "method", "presence_stats"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandDuration + "_count", "protocol", "grpc", "method", "info"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandDuration + "_count", "protocol", "http", "method", "publish"));
        Assert.Equal(2, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "grpc", "method", "publish", "error", "102"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "grpc", "method", "presence_stats", "error", "108"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "grpc", "method", "info", "error", "unauthenticated"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "http", "method", "publish", "error", "102"));
        Assert.Equal(5, scrape.Value(MetricNames.ApiCommandErrors));
    }

    private static async Task<RawClient> ConnectAsync(OperationsServer server, string user)
    {
        var client = await RawClient.OpenAsync(server.WebSocketUrl);
        var answer = await client.ConnectAsync(server.Tokens.CreateConnectionToken(user, TimeSpan.FromHours(1)));
        Assert.True(answer.Succeeded("connect"), answer.ToString());
        return client;
    }

    private static async Task ExpectAsync(OperationsServer server, string name, double expected, params string[] labels)
    {
        var scrape = await PollScrapeAsync(server, s => s.Value(name, labels) == expected);
        Assert.Equal(expected, scrape.Value(name, labels));
    }

    private static async Task<PrometheusScrape> PollScrapeAsync(OperationsServer server, Func<PrometheusScrape, bool> condition)
    {
        PrometheusScrape? last = null;
        try
        {
            await Poll.UntilAsync(async () => condition(last = await server.ScrapeAsync()));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("the scrape never showed the expected values:\n" + last?.Text);
        }

        return last!;
    }
}
