using System.Text;
using System.Text.Json;
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
/// connections and subscriptions up and down, counters that follow messages, errors, disconnects, recoveries and
/// node actions, the ping/pong histogram, and the server API over HTTP and GRPC (errors inside a 200 included).
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

        // frame_type, as Centrifugo labels it: pushes by kind, replies by the command they answer (errors included).
        Assert.Equal(3, scrape.Value(MetricNames.TransportMessagesSent, "transport", "websocket", "frame_type", "push_publication"));
        Assert.Equal(2, scrape.Value(MetricNames.TransportMessagesSent, "transport", "websocket", "frame_type", "connect"));
        Assert.Equal(2, scrape.Value(MetricNames.TransportMessagesSent, "transport", "websocket", "frame_type", "subscribe"));
        Assert.Equal(2, scrape.Value(MetricNames.TransportMessagesReceived, "transport", "websocket", "frame_type", "subscribe"));
        Assert.Equal(2, scrape.Value(MetricNames.TransportMessagesReceived, "transport", "websocket", "frame_type", "connect"));
        Assert.Equal(1, scrape.Value(MetricNames.TransportMessagesReceived, "transport", "websocket", "frame_type", "unknown"));
        Assert.True(scrape.Value(MetricNames.TransportMessagesSentSize, "transport", "websocket", "frame_type", "push_publication") > 3 * 10);
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

    [Fact]
    public async Task BatchAndLegacyReplies_CountTheirErrorsUnderTheInnerMethod()
    {
        const string GrpcKey = "metrics-batch-key";
        var grpcPort = FreePorts.Next();
        await using var server = await OperationsServer.StartAsync(config =>
        {
            config.GrpcApi.Enabled = true;
            config.GrpcApi.Address = "127.0.0.1";
            config.GrpcApi.Port = grpcPort;
            config.GrpcApi.Key = GrpcKey;
        });
        var ct = TestContext.Current.CancellationToken;

        // HTTP batch: one good publish, one to an unknown namespace (102), one presence_stats where presence is off (108).
        using (var batch = await server.ApiAsync("batch", """{"commands":[{"publish":{"channel":"chat:b","data":{}}},{"publish":{"channel":"nowhere:b","data":{}}},{"presence_stats":{"channel":"chat:b"}}]}"""))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, batch.StatusCode);
        }

        // Legacy endpoint: two commands, the second fails (102).
        const string LegacyBody = """{"method":"publish","params":{"channel":"chat:l","data":{}}}""" + "\n" + """{"method":"publish","params":{"channel":"nowhere:l","data":{}}}""";
        using (var legacy = new StringContent(LegacyBody, Encoding.UTF8, "application/json"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api") { Content = legacy };
            request.Headers.Add("X-API-Key", Fixtures.RelayTestServer.ApiKey);
            using var response = await server.Http.SendAsync(request, ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        // GRPC batch with one failing command.
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var api = new CentrifugoApi.CentrifugoApiClient(channel);
        var grpcBatch = new BatchRequest();
        grpcBatch.Commands.Add(new Command { Publish = new GrpcPublishRequest { Channel = "nowhere:g", Data = ByteString.CopyFromUtf8("{}") } });
        grpcBatch.Commands.Add(new Command { Publish = new GrpcPublishRequest { Channel = "chat:g", Data = ByteString.CopyFromUtf8("{}") } });
        var replies = await api.BatchAsync(grpcBatch, new Metadata { { "authorization", "apikey " + GrpcKey } }, cancellationToken: ct);
        Assert.Equal(102u, replies.Replies[0].Error.Code);

        var scrape = await server.ScrapeAsync();
        Assert.Equal(2, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "http", "method", "publish", "error", "102"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "http", "method", "presence_stats", "error", "108"));
        Assert.Equal(1, scrape.Value(MetricNames.ApiCommandErrors, "protocol", "grpc", "method", "publish", "error", "102"));
        Assert.Equal(4, scrape.Value(MetricNames.ApiCommandErrors));
    }

    [Fact]
    public async Task ClientMetrics_NamesVersionsSubscriptionsRecoveryAndActions()
    {
        await using var server = await OperationsServer.StartAsync();
        var js = await ConnectAsync(server, "u1", "js", "5.7.4");
        var custom = await ConnectAsync(server, "u2", "my-own-app", "1.0.0");
        await ExpectAsync(server, MetricNames.ConnectionsInflight, 1, "transport", "websocket", "client_name", "js", "client_version", "5.7.4");
        await ExpectAsync(server, MetricNames.ConnectionsInflight, 2, "transport", "websocket");
        var scrape = await server.ScrapeAsync();
        Assert.Equal(1, scrape.Value(MetricNames.ConnectionsAccepted, "transport", "websocket", "client_name", "js", "client_version", "5.7.4"));
        Assert.DoesNotContain(scrape.Samples(MetricNames.ConnectionsAccepted), s => s.Labels.Values.Contains("my-own-app"));

        Assert.True((await js.SubscribeAsync("chat:s1")).Succeeded("subscribe"));
        Assert.True((await js.SubscribeAsync("pres:s2")).Succeeded("subscribe"));
        Assert.True((await custom.SubscribeAsync("chat:s1")).Succeeded("subscribe"));
        await ExpectAsync(server, MetricNames.SubscriptionsInflight, 2, "client_name", "js");
        await ExpectAsync(server, MetricNames.SubscriptionsInflight, 3);
        Assert.True((await js.RequestAsync(new Dictionary<string, object?> { ["channel"] = "chat:s1" }, "unsubscribe")).Succeeded("unsubscribe"));
        await ExpectAsync(server, MetricNames.SubscriptionsInflight, 1, "client_name", "js");

        // Recovery: from the stream start (publications missed), from the top (nothing missed), with another epoch.
        var first = await custom.SubscribeAsync("rec:r");
        var epoch = first.Result("subscribe").GetProperty("epoch").GetString();
        using (var published = await server.ApiAsync("publish", """{"channel":"rec:r","data":{"n":1}}"""))
        {
            Assert.True(published.IsSuccessStatusCode);
        }

        Assert.True((await js.RequestAsync(RecoverFrom("rec:r", 0, epoch), "subscribe")).Result("subscribe").GetProperty("recovered").GetBoolean());
        Assert.True((await js.RequestAsync(new Dictionary<string, object?> { ["channel"] = "rec:r" }, "unsubscribe")).Succeeded("unsubscribe"));
        Assert.True((await js.RequestAsync(RecoverFrom("rec:r", 1, epoch), "subscribe")).Result("subscribe").GetProperty("recovered").GetBoolean());
        Assert.True((await js.RequestAsync(new Dictionary<string, object?> { ["channel"] = "rec:r" }, "unsubscribe")).Succeeded("unsubscribe"));
        Assert.False((await js.RequestAsync(RecoverFrom("rec:r", 1, "other-epoch"), "subscribe")).Result("subscribe").TryGetProperty("recovered", out _));

        using (var stats = await server.ApiAsync("presence_stats", """{"channel":"pres:s2"}"""))
        {
            Assert.True(stats.IsSuccessStatusCode);
        }

        await js.DisposeAsync();
        await custom.DisposeAsync();
        await ExpectAsync(server, MetricNames.ConnectionsInflight, 0, "transport", "websocket");
        await ExpectAsync(server, MetricNames.SubscriptionsInflight, 0);
        scrape = await server.ScrapeAsync();
        Assert.Equal(1, scrape.Value(MetricNames.Recover, "recovered", "yes", "has_recovered_publications", "yes"));
        Assert.Equal(1, scrape.Value(MetricNames.Recover, "recovered", "yes", "has_recovered_publications", "no"));
        Assert.Equal(1, scrape.Value(MetricNames.Recover, "recovered", "no", "has_recovered_publications", "no"));
        Assert.Equal("counter", scrape.TypeOf(MetricNames.Recover));
        Assert.Equal(2, scrape.Value(MetricNames.ActionCount, "action", NodeActions.AddClient));
        Assert.Equal(2, scrape.Value(MetricNames.ActionCount, "action", NodeActions.RemoveClient));
        Assert.Equal(7, scrape.Value(MetricNames.ActionCount, "action", NodeActions.AddSubscription));
        Assert.Equal(7, scrape.Value(MetricNames.ActionCount, "action", NodeActions.RemoveSubscription));
        Assert.True(scrape.Value(MetricNames.ActionCount, "action", NodeActions.AddPresence) >= 1);
        Assert.Equal(1, scrape.Value(MetricNames.ActionCount, "action", NodeActions.RemovePresence));
        Assert.Equal(1, scrape.Value(MetricNames.ActionCount, "action", NodeActions.PresenceStats));
        Assert.Equal(4, scrape.Value(MetricNames.ActionCount, "action", NodeActions.HistoryStreamTop));
        Assert.Equal(1, scrape.Value(MetricNames.ActionCount, "action", NodeActions.HistoryRecover));
        Assert.Equal(5, scrape.Value(MetricNames.ActionCount, "action", NodeActions.History));
    }

    [Fact]
    public async Task PingPongDuration_RecordedWhenTheClientAnswersAPing()
    {
        await using var server = await OperationsServer.StartAsync(config =>
        {
            config.Client.PingInterval = TimeSpan.FromSeconds(2);
            config.Client.PongTimeout = TimeSpan.FromSeconds(1);
        });
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        var ct = TestContext.Current.CancellationToken;
        await socket.ConnectAsync(new Uri(server.WebSocketUrl), ct);
        var connect = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = 1,
            ["connect"] = new Dictionary<string, object?> { ["token"] = server.Tokens.CreateConnectionToken("pinged", TimeSpan.FromHours(1)), ["name"] = "js" },
        });
        await SendAsync(socket, connect);
        Assert.Contains("\"connect\"", await ReceiveTextAsync(socket), StringComparison.Ordinal);
        Assert.Equal(0, (await server.ScrapeAsync()).Value(MetricNames.PingPongDuration + "_count"));

        Assert.Equal("{}", await ReceiveTextAsync(socket));
        await SendAsync(socket, "{}");

        var scrape = await PollScrapeAsync(server, s => s.Value(MetricNames.PingPongDuration + "_count", "transport", "websocket") >= 1);
        Assert.Equal("histogram", scrape.TypeOf(MetricNames.PingPongDuration));
        Assert.Equal(
            scrape.Value(MetricNames.PingPongDuration + "_count", "transport", "websocket"),
            scrape.Value(MetricNames.PingPongDuration + "_bucket", "transport", "websocket", "le", "+Inf"));
        Assert.True(scrape.Value(MetricNames.PingPongDuration + "_sum", "transport", "websocket") > 0);
        Assert.Contains(
            scrape.Samples(MetricNames.PingPongDuration + "_bucket"),
            s => double.TryParse(s.Labels["le"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var le) && le == 0.0001);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    private static Dictionary<string, object?> RecoverFrom(string channel, ulong offset, string? epoch) => new()
    {
        ["channel"] = channel,
        ["recover"] = true,
        ["offset"] = offset,
        ["epoch"] = epoch,
    };

    private static async Task SendAsync(System.Net.WebSockets.ClientWebSocket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), System.Net.WebSockets.WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    private static async Task<string> ReceiveTextAsync(System.Net.WebSockets.ClientWebSocket socket)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(RawClient.WaitLimit);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        System.Net.WebSockets.WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, limit.Token);
            message.Write(buffer.AsSpan(0, result.Count));
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray()).Trim();
    }

    private static async Task<RawClient> ConnectAsync(OperationsServer server, string user, string name, string version)
    {
        var client = await RawClient.OpenAsync(server.WebSocketUrl);
        var answer = await client.RequestAsync(
            new Dictionary<string, object?> { ["token"] = server.Tokens.CreateConnectionToken(user, TimeSpan.FromHours(1)), ["name"] = name, ["version"] = version },
            "connect");
        Assert.True(answer.Succeeded("connect"), answer.ToString());
        return client;
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
