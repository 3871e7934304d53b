using System.Text.Json;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Api;

/// <summary>The HTTP server API with plain HTTP requests: shapes, auth, error modes, batch and the legacy endpoint.</summary>
[Trait("Category", "Integration")]
public sealed class HttpApiTests
{
    [Fact]
    public async Task Publish_HistoryChannel_ReturnsOffsetAndEpoch()
    {
        await using var server = await ApiTestServer.StartAsync();

        // README: curl -X POST -H "X-API-Key: KEY" -d '{"channel":"hist:news","data":{"text":"hello"}}' http://localhost:8000/api/publish
        var first = await server.PostAsync("/api/publish", """{"channel":"hist:news","data":{"text":"hello"}}""");
        var second = await server.PostAsync("/api/publish", """{"channel":"hist:news","data":{"text":"again"}}""");

        Assert.Equal(200, first.Status);
        Assert.Equal("application/json", first.ContentType);
        var result = first.Json.GetProperty("result");
        Assert.Equal(1UL, result.GetProperty("offset").GetUInt64());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("epoch").GetString()));
        Assert.Equal(2UL, second.Json.GetProperty("result").GetProperty("offset").GetUInt64());
    }

    [Fact]
    public async Task Publish_ChannelWithoutHistory_EmptyResult()
    {
        await using var server = await ApiTestServer.StartAsync();

        var answer = await server.PostAsync("/api/publish", """{"channel":"chat:room","data":{"x":1},"tags":{"k":"v"},"idempotency_key":"once"}""");

        Assert.Equal("""{"result":{}}""", answer.Body);
    }

    [Fact]
    public async Task Publish_UnknownNamespace_Error102InsideOk()
    {
        await using var server = await ApiTestServer.StartAsync();

        var answer = await server.PostAsync("/api/publish", """{"channel":"unknown:x","data":{}}""");

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"error":{"code":102,"message":"unknown channel"}}""", answer.Body);
    }

    [Fact]
    public async Task Publish_B64Data_StoredAsBinary()
    {
        await using var server = await ApiTestServer.StartAsync();

        await server.PostAsync("/api/publish", """{"channel":"hist:bin","b64data":"AAEC"}""");
        var history = await server.PostAsync("/api/history", """{"channel":"hist:bin","limit":-1}""");

        Assert.Equal("AAEC", history.Json.GetProperty("result").GetProperty("publications")[0].GetProperty("b64data").GetString());
    }

    [Fact]
    public async Task Broadcast_ResponsesInChannelOrder()
    {
        await using var server = await ApiTestServer.StartAsync();

        // README: curl -X POST -H "X-API-Key: KEY" -d '{"channels":["hist:a","unknown:b","chat:c"],"data":{"n":1}}' http://localhost:8000/api/broadcast
        var answer = await server.PostAsync("/api/broadcast", """{"channels":["hist:a","unknown:b","chat:c"],"data":{"n":1}}""");

        var responses = answer.Json.GetProperty("result").GetProperty("responses");
        Assert.Equal(3, responses.GetArrayLength());
        Assert.Equal(1UL, responses[0].GetProperty("result").GetProperty("offset").GetUInt64());
        Assert.Equal(102, responses[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("{}", responses[2].GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task History_SinceLimitReverse_And112ForAnotherEpoch()
    {
        await using var server = await ApiTestServer.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            await server.PostAsync("/api/publish", $$$"""{"channel":"hist:h","data":{"i":{{{i}}}}}""");
        }

        var all = await server.PostAsync("/api/history", """{"channel":"hist:h","limit":-1}""");
        var epoch = all.Json.GetProperty("result").GetProperty("epoch").GetString();
        var since = await server.PostAsync("/api/history", $$$"""{"channel":"hist:h","limit":2,"since":{"offset":2,"epoch":"{{{epoch}}}"}}""");
        var newest = await server.PostAsync("/api/history", """{"channel":"hist:h","limit":2,"reverse":true}""");
        var positionOnly = await server.PostAsync("/api/history", """{"channel":"hist:h"}""");
        var wrongEpoch = await server.PostAsync("/api/history", """{"channel":"hist:h","limit":1,"since":{"offset":1,"epoch":"other"}}""");

        static int[] Values(ApiAnswer a) =>
            [.. a.Json.GetProperty("result").GetProperty("publications").EnumerateArray().Select(p => p.GetProperty("data").GetProperty("i").GetInt32())];
        Assert.Equal([1, 2, 3, 4, 5], Values(all));
        Assert.Equal([3, 4], Values(since));
        Assert.Equal([5, 4], Values(newest));
        Assert.Empty(Values(positionOnly));
        Assert.Equal(5, positionOnly.Json.GetProperty("result").GetProperty("offset").GetInt32());
        Assert.Equal(112, wrongEpoch.ErrorCode);
    }

    [Fact]
    public async Task HistoryAndPresence_FeatureOff_NotAvailable()
    {
        await using var server = await ApiTestServer.StartAsync();

        Assert.Equal(108, (await server.PostAsync("/api/history", """{"channel":"chat:x"}""")).ErrorCode);
        Assert.Equal(108, (await server.PostAsync("/api/history_remove", """{"channel":"chat:x"}""")).ErrorCode);
        Assert.Equal(108, (await server.PostAsync("/api/presence", """{"channel":"chat:x"}""")).ErrorCode);
        Assert.Equal(108, (await server.PostAsync("/api/presence_stats", """{"channel":"chat:x"}""")).ErrorCode);
        Assert.Equal("""{"result":{"num_clients":0,"num_users":0}}""", (await server.PostAsync("/api/presence_stats", """{"channel":"pres:x"}""")).Body);
    }

    [Fact]
    public async Task Info_ListsThisNodeWithCounts()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var client = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("7", TimeSpan.FromHours(1)));
        await client.SubscribeAsync("chat:info");

        // README: curl -X POST -H "X-API-Key: KEY" -d '{}' http://localhost:8000/api/info
        var answer = await server.PostAsync("/api/info", "{}");

        var node = Assert.Single(answer.Json.GetProperty("result").GetProperty("nodes").EnumerateArray());
        Assert.Equal(server.Node.Id, node.GetProperty("uid").GetString());
        Assert.Equal(server.Node.Name, node.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(node.GetProperty("version").GetString()));
        Assert.Equal(1, node.GetProperty("num_clients").GetInt32());
        Assert.Equal(1, node.GetProperty("num_users").GetInt32());
        Assert.Equal(1, node.GetProperty("num_channels").GetInt32());
        Assert.Equal(1, node.GetProperty("num_subs").GetInt32());
    }

    [Fact]
    public async Task Channels_GlobPatternFilters()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var client = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("7", TimeSpan.FromHours(1)));
        await client.SubscribeAsync("chat:one");
        await client.SubscribeAsync("chat:two");
        await client.SubscribeAsync("news:one");

        var all = await server.PostAsync("/api/channels", "{}");
        var chats = await server.PostAsync("/api/channels", """{"pattern":"chat:*"}""");
        var ones = await server.PostAsync("/api/channels", """{"pattern":"{chat,news}:on?"}""");
        var bad = await server.PostAsync("/api/channels", """{"pattern":"chat:[abc"}""");

        static string[] Names(ApiAnswer a) => [.. a.Json.GetProperty("result").GetProperty("channels").EnumerateObject().Select(p => p.Name).Order()];
        Assert.Equal(["chat:one", "chat:two", "news:one"], Names(all));
        Assert.Equal(["chat:one", "chat:two"], Names(chats));
        Assert.Equal(["chat:one", "news:one"], Names(ones));
        Assert.Equal(1, all.Json.GetProperty("result").GetProperty("channels").GetProperty("chat:one").GetProperty("num_clients").GetInt32());
        Assert.Equal(107, bad.ErrorCode);
    }

    [Fact]
    public async Task Rpc_NoExtensions_NotFound()
    {
        await using var server = await ApiTestServer.StartAsync();

        Assert.Equal(104, (await server.PostAsync("/api/rpc", """{"method":"getPrice","params":{}}""")).ErrorCode);
        Assert.Equal(107, (await server.PostAsync("/api/rpc", "{}")).ErrorCode);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("authorization")]
    [InlineData("query")]
    public async Task Auth_EveryKeyForm_Accepted(string form)
    {
        await using var server = await ApiTestServer.StartAsync();
        var path = form == "query" ? $"/api/info?api_key={RelayTestServer.ApiKey}" : "/api/info";

        var answer = await server.PostAsync(path, "{}", key: form == "header" ? RelayTestServer.ApiKey : null, adjust: request =>
        {
            if (form == "authorization")
            {
                request.Headers.TryAddWithoutValidation("Authorization", "APIKEY " + RelayTestServer.ApiKey);
            }
        });

        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Auth_WrongOrMissingKey_401EmptyBody_InsecureSkipsCheck()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var insecure = await ApiTestServer.StartAsync(c => c.HttpApi.Insecure = true);
        await using var keyless = await ApiTestServer.StartAsync(c => c.HttpApi.Key = "");

        var wrong = await server.PostAsync("/api/info", "{}", key: "nope");
        var missing = await server.PostAsync("/api/info", "{}", key: null);
        var wrongHeaderGoodQuery = await server.PostAsync($"/api/info?api_key={RelayTestServer.ApiKey}", "{}", key: "nope");
        var noConfiguredKey = await keyless.PostAsync("/api/info", "{}", key: "");

        Assert.Equal((401, ""), (wrong.Status, wrong.Body));
        Assert.Equal((401, ""), (missing.Status, missing.Body));
        Assert.Equal(200, wrongHeaderGoodQuery.Status);
        Assert.Equal(401, noConfiguredKey.Status);
        Assert.Equal(200, (await insecure.PostAsync("/api/info", "{}", key: null)).Status);
    }

    [Fact]
    public async Task TransportErrorMode_HeaderOrConfig_ErrorsBecomeStatuses()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var configured = await ApiTestServer.StartAsync(c => c.HttpApi.ErrorMode = "transport");
        static void Transport(HttpRequestMessage r) => r.Headers.Add("X-Centrifugo-Error-Mode", "transport");

        var unknown = await server.PostAsync("/api/publish", """{"channel":"unknown:x","data":{}}""", adjust: Transport);
        var bad = await server.PostAsync("/api/publish", """{"channel":"","data":{}}""", adjust: Transport);
        var unavailable = await server.PostAsync("/api/history", """{"channel":"chat:x"}""", adjust: Transport);
        var fromConfig = await configured.PostAsync("/api/publish", """{"channel":"unknown:x","data":{}}""");
        var ok = await configured.PostAsync("/api/publish", """{"channel":"chat:x","data":{}}""");
        var batch = await configured.PostAsync("/api/batch", """{"commands":[{"publish":{"channel":"unknown:x","data":{}}}]}""");

        Assert.Equal((404, """{"code":102,"message":"unknown channel"}"""), (unknown.Status, unknown.Body));
        Assert.Equal(400, bad.Status);
        Assert.Equal(107, bad.Json.GetProperty("code").GetInt32());
        Assert.Equal(400, unavailable.Status);
        Assert.Equal(404, fromConfig.Status);
        Assert.Equal("""{"result":{}}""", ok.Body);
        Assert.Equal(200, batch.Status);
        Assert.Equal(102, batch.Json.GetProperty("replies")[0].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Batch_RepliesInCommandOrder(bool parallel)
    {
        await using var server = await ApiTestServer.StartAsync();
        const string Commands = """
            [
              {"publish":{"channel":"hist:b","data":{"n":1}}},
              {"publish":{"channel":"unknown:b","data":{"n":2}}},
              {"broadcast":{"channels":["hist:b","chat:b"],"data":{"n":3}}},
              null,
              {"nothing":{}},
              {"presence_stats":{"channel":"pres:b"}},
              {"info":{}}
            ]
            """;
        var body = "{\"parallel\":" + (parallel ? "true" : "false") + ",\"commands\":" + Commands + "}";

        // README: curl -X POST -H "X-API-Key: KEY" -d '{"commands":[{"publish":{"channel":"hist:b","data":{}}},{"info":{}}]}' http://localhost:8000/api/batch
        var answer = await server.PostAsync("/api/batch", body);

        var replies = answer.Json.GetProperty("replies");
        Assert.False(answer.Json.TryGetProperty("result", out _));
        Assert.Equal(7, replies.GetArrayLength());
        Assert.True(replies[0].GetProperty("publish").TryGetProperty("offset", out _));
        Assert.Equal(102, replies[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(2, replies[2].GetProperty("broadcast").GetProperty("responses").GetArrayLength());
        Assert.Equal(107, replies[3].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(104, replies[4].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, replies[5].GetProperty("presence_stats").GetProperty("num_clients").GetInt32());
        Assert.Equal(1, replies[6].GetProperty("info").GetProperty("nodes").GetArrayLength());
        var history = await server.PostAsync("/api/history", """{"channel":"hist:b","limit":-1}""");
        Assert.Equal(2, history.Json.GetProperty("result").GetProperty("publications").GetArrayLength());
    }

    [Fact]
    public async Task Legacy_NamesNumbersAndPerCommandErrors()
    {
        await using var server = await ApiTestServer.StartAsync();
        var body = string.Join('\n',
            """{"id":1,"method":"publish","params":{"channel":"hist:l","data":{"n":1}}}""",
            """{"id":2,"method":"PRESENCE_STATS","params":{"channel":"pres:l"}}""",
            """{"id":3,"method":6,"params":{"channel":"hist:l","limit":10}}""",
            """{"id":4,"method":99,"params":{}}""",
            """{"id":5,"method":"publish","params":{"channel":5}}""",
            """{"method":"info"}""",
            """{"params":{"channel":"hist:l","data":{"n":2}}}""");

        // README: curl -X POST -H "Authorization: apikey KEY" --data-binary $'{"method":"publish","params":{"channel":"hist:l","data":{}}}\n{"method":"info","params":{}}' http://localhost:8000/api
        var answer = await server.PostAsync("/api", body);

        Assert.Equal(200, answer.Status);
        Assert.False(answer.Body.EndsWith('\n'));
        var lines = answer.Body.Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(7, lines.Count);
        Assert.Equal(1, lines[0].GetProperty("id").GetInt32());
        Assert.Equal(1, lines[0].GetProperty("result").GetProperty("offset").GetInt32());
        Assert.Equal(0, lines[1].GetProperty("result").GetProperty("num_clients").GetInt32());
        Assert.Equal(1, lines[2].GetProperty("result").GetProperty("publications").GetArrayLength());
        Assert.Equal(104, lines[3].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(107, lines[4].GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(lines[5].TryGetProperty("id", out _));
        Assert.Equal(1, lines[5].GetProperty("result").GetProperty("nodes").GetArrayLength());
        Assert.Equal(2, lines[6].GetProperty("result").GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task MethodNotPost_405()
    {
        await using var server = await ApiTestServer.StartAsync();

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        get.Headers.Add("X-API-Key", RelayTestServer.ApiKey);
        using var legacyGet = new HttpRequestMessage(HttpMethod.Get, "/api");

        Assert.Equal(405, (await server.SendAsync(get)).Status);
        Assert.Equal(405, (await server.SendAsync(legacyGet)).Status);
    }
}
