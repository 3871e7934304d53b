using System.Net;
using System.Text.Json;
using K8sRelay.Protocol;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// The emulation endpoints with a plain HTTP client: the HTTP-streaming connect, commands through
/// <c>/emulation</c>, disconnect pushes, statuses for bad input, CORS, and <c>/connection/init</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmulationEndpointTests
{
    [Fact]
    public async Task HttpStream_CommandsThroughEmulation_RepliesAndPushesOnTheStream()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        using var connect = new HttpRequestMessage(HttpMethod.Post, server.Url + "/connection/http_stream")
        {
            Content = TransportTestHelpers.Json($$$"""{"id":1,"connect":{"token":"{{{token}}}"}}"""),
        };
        using var response = await http.SendAsync(connect, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var connected = (await TransportTestHelpers.NextJsonLineAsync(reader))!.Value.GetProperty("connect");
        var session = connected.GetProperty("session").GetString()!;
        var node = connected.GetProperty("node").GetString()!;
        Assert.Equal(server.Node.Id, node);

        var subscribe = JsonSerializer.Serialize(new { session, node, data = """{"id":2,"subscribe":{"channel":"chat:a"}}""" });
        using (var posted = await http.PostAsync(server.Url + "/emulation", TransportTestHelpers.Json(subscribe), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        }

        var reply = (await TransportTestHelpers.NextJsonLineAsync(reader))!.Value;
        Assert.Equal(2, reply.GetProperty("id").GetInt32());
        Assert.True(reply.TryGetProperty("subscribe", out _));

        await TransportTestHelpers.PublishAsync(server, "chat:a", new { text = "hi" });
        var push = (await TransportTestHelpers.NextJsonLineAsync(reader))!.Value.GetProperty("push");
        Assert.Equal("chat:a", push.GetProperty("channel").GetString());
        Assert.Equal("hi", push.GetProperty("pub").GetProperty("data").GetProperty("text").GetString());

        var wrongNode = JsonSerializer.Serialize(new { session, node = "other-node", data = "{}" });
        using (var posted = await http.PostAsync(server.Url + "/emulation", TransportTestHelpers.Json(wrongNode), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        var unknownSession = JsonSerializer.Serialize(new { session = "gone", node, data = """{"id":3,"publish":{}}""" });
        using (var posted = await http.PostAsync(server.Url + "/emulation", TransportTestHelpers.Json(unknownSession), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        }

        await TransportTestHelpers.DisconnectAsync(server, connected.GetProperty("client").GetString()!, new DisconnectReason(4501, "test over"));
        var disconnect = (await TransportTestHelpers.NextJsonLineAsync(reader))!.Value.GetProperty("push").GetProperty("disconnect");
        Assert.Equal(4501, disconnect.GetProperty("code").GetInt32());
        Assert.Equal("test over", disconnect.GetProperty("reason").GetString());
        Assert.Null(await TransportTestHelpers.NextJsonLineAsync(reader));
    }

    [Fact]
    public async Task Sse_ConnectFromQuery_EventsAfterLeadingNewline()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        var command = Uri.EscapeDataString($$$"""{"id":1,"connect":{"token":"{{{token}}}"}}""");
        using var response = await http.GetAsync(server.Url + "/connection/sse?cf_connect=" + command, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        Assert.Equal(string.Empty, await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        var reply = (await TransportTestHelpers.NextEventAsync(reader))!.Value;
        Assert.Equal(1, reply.GetProperty("id").GetInt32());
        Assert.Equal(server.Node.Id, reply.GetProperty("connect").GetProperty("node").GetString());
    }

    [Theory]
    [InlineData("POST", "/connection/http_stream", "{\"id\":1,\"connect\":{}}", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("GET", "/connection/http_stream", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/connection/sse", null, HttpStatusCode.BadRequest)]
    [InlineData("PUT", "/connection/sse", "{}", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/emulation", "not json", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/emulation", "{\"session\":\"s\",\"node\":\"n\",\"data\":\"0123456789012345678901234567890123456789\"}", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("GET", "/emulation", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/emulation", "{\"session\":\"s\",\"data\":{}}", HttpStatusCode.NoContent)]
    public async Task BadRequests_GetTheDocumentedStatus(string method, string path, string? body, HttpStatusCode expected)
    {
        await using var server = await TransportTestHelpers.StartServerAsync(config =>
        {
            config.HttpStream.MaxRequestBodySize = 16;
            config.Emulation.MaxRequestBodySize = 64;
        });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), server.Url + path);
        if (body is not null)
        {
            request.Content = TransportTestHelpers.Json(body);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/connection/http_stream")]
    [InlineData("/emulation")]
    [InlineData("/connection/uni_http_stream")]
    public async Task Preflight_AllowedOrigin_EchoedWithCredentials(string path)
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, server.Url + path);
        request.Headers.Add("Origin", "http://allowed.example");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("http://allowed.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        Assert.Equal("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.Equal("POST, OPTIONS", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("300", response.Headers.GetValues("Access-Control-Max-Age").Single());
    }

    [Fact]
    public async Task DisallowedOrigin_ServedWithoutCorsHeaders()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "/emulation")
        {
            Content = TransportTestHelpers.Json("""{"session":"s","node":"","data":"{}"}"""),
        };
        request.Headers.Add("Origin", "http://other.example");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Init_AnswersEmptyObject()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(server.Url + "/connection/init", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
