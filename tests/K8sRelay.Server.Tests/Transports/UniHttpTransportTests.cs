using System.Net;
using System.Text.Json;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Protocol;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// The unidirectional HTTP-stream and SSE transports with a plain HTTP client reading the stream:
/// connect push, server-side subscription publications, pings, disconnect pushes, connect errors as
/// disconnects or HTTP statuses, and bad input.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UniHttpTransportTests
{
    public static TheoryData<string> Transports => new() { "uni_http_stream", "uni_sse" };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stream_ConnectPublicationPingDisconnect(string transport)
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c => c.Client.PingInterval = TimeSpan.FromSeconds(1));
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1), channels: ["news:uni"]);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await OpenAsync(http, server, transport, $$"""{"token":"{{token}}","name":"test"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var connect = (await NextAsync(reader, transport))!.Value.GetProperty("connect");
        var clientId = connect.GetProperty("client").GetString()!;
        Assert.Equal(1, connect.GetProperty("ping").GetInt32());
        Assert.False(connect.TryGetProperty("pong", out _));
        Assert.Equal(clientId, connect.GetProperty("session").GetString());
        Assert.True(connect.GetProperty("subs").TryGetProperty("news:uni", out _));

        await TransportTestHelpers.PublishAsync(server, "news:uni", new { text = "hello" });
        JsonElement message;
        do
        {
            message = (await NextAsync(reader, transport))!.Value;
        }
        while (!message.TryGetProperty("pub", out _));

        Assert.Equal("news:uni", message.GetProperty("channel").GetString());
        Assert.Equal("hello", message.GetProperty("pub").GetProperty("data").GetProperty("text").GetString());

        // Pings are empty pushes.
        do
        {
            message = (await NextAsync(reader, transport))!.Value;
        }
        while (message.EnumerateObject().Any());

        await TransportTestHelpers.DisconnectAsync(server, clientId, new DisconnectReason(4501, "test over"));
        JsonElement disconnect;
        do
        {
            message = (await NextAsync(reader, transport))!.Value;
        }
        while (!message.TryGetProperty("disconnect", out disconnect));

        Assert.Equal(4501, disconnect.GetProperty("code").GetInt32());
        Assert.Equal("test over", disconnect.GetProperty("reason").GetString());
        Assert.Null(await NextAsync(reader, transport));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ConnectErrors_BecomeDisconnectPushes(string transport)
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c =>
        {
            c.Client.ConnectCodeToUnidirectionalDisconnect.Enabled = true;
            c.Client.ConnectCodeToUnidirectionalDisconnect.Transforms.Add(new ConnectCodeToDisconnectTransformConfig
            {
                Code = 109, To = new DisconnectTransformConfig { Code = 4509, Reason = "custom expired" },
            });
        });
        var expired = new TokenIssuer(RelayTestServer.HmacSecret, new PastTimeProvider()).CreateConnectionToken("42", TimeSpan.FromHours(1));

        Assert.Equal((4509, "custom expired"), await ConnectFailureAsync(server, transport, expired));
        Assert.Equal((3500, "invalid token"), await ConnectFailureAsync(server, transport, "not-a-token"));
        Assert.Equal((3501, "bad request"), await ConnectFailureAsync(server, transport, token: null));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ConnectCodeToHttpResponse_AnswersWithStatus(string transport)
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c =>
        {
            foreach (var settings in new[] { c.UniHttpStream.ConnectCodeToHttpResponse, c.UniSse.ConnectCodeToHttpResponse })
            {
                settings.Enabled = true;
                settings.Transforms.Add(new ConnectCodeToHttpResponseTransformConfig { Code = 109, To = new HttpResponseTransformConfig { StatusCode = 401 } });
                settings.Transforms.Add(new ConnectCodeToHttpResponseTransformConfig { Code = 3500, To = new HttpResponseTransformConfig { StatusCode = 403, Body = "go away" } });
            }
        });
        var expired = new TokenIssuer(RelayTestServer.HmacSecret, new PastTimeProvider()).CreateConnectionToken("42", TimeSpan.FromHours(1));
        using var http = new HttpClient();

        using var expiredResponse = await OpenAsync(http, server, transport, $$"""{"token":"{{expired}}"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, expiredResponse.StatusCode);
        Assert.Equal("token expired", await expiredResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var invalidResponse = await OpenAsync(http, server, transport, """{"token":"bad"}""");
        Assert.Equal(HttpStatusCode.Forbidden, invalidResponse.StatusCode);
        Assert.Equal("go away", await invalidResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var noCredentials = await OpenAsync(http, server, transport, "{}");
        Assert.Equal(HttpStatusCode.InternalServerError, noCredentials.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/connection/uni_http_stream", "not json", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/connection/uni_http_stream", "{\"token\":\"0123456789012345678901234567890123456789\"}", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("GET", "/connection/uni_http_stream", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("OPTIONS", "/connection/uni_http_stream", null, HttpStatusCode.NoContent)]
    [InlineData("GET", "/connection/uni_sse?cf_connect=%7Bbroken", null, HttpStatusCode.BadRequest)]
    [InlineData("POST", "/connection/uni_sse", "[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/connection/uni_sse", "{\"token\":\"0123456789012345678901234567890123456789\"}", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("DELETE", "/connection/uni_sse", null, HttpStatusCode.MethodNotAllowed)]
    public async Task BadRequests_GetTheDocumentedStatus(string method, string path, string? body, HttpStatusCode expected)
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c =>
        {
            c.UniHttpStream.MaxRequestBodySize = 32;
            c.UniSse.MaxRequestBodySize = 32;
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

    private static async Task<(int Code, string Reason)> ConnectFailureAsync(RelayTestServer server, string transport, string? token)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var body = token is null ? "{}" : $$"""{"token":"{{token}}"}""";
        using var response = await OpenAsync(http, server, transport, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var disconnect = (await NextAsync(reader, transport))!.Value.GetProperty("disconnect");
        Assert.Null(await NextAsync(reader, transport));
        return (disconnect.GetProperty("code").GetInt32(), disconnect.GetProperty("reason").GetString()!);
    }

    private static Task<HttpResponseMessage> OpenAsync(HttpClient http, RelayTestServer server, string transport, string connectRequest)
    {
        if (transport == "uni_sse")
        {
            return http.GetAsync(server.Url + "/connection/uni_sse?cf_connect=" + Uri.EscapeDataString(connectRequest), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "/connection/uni_http_stream") { Content = TransportTestHelpers.Json(connectRequest) };
        return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    private static Task<JsonElement?> NextAsync(StreamReader reader, string transport) =>
        transport == "uni_sse" ? TransportTestHelpers.NextEventAsync(reader) : TransportTestHelpers.NextJsonLineAsync(reader);
}
