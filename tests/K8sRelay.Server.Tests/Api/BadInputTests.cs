using System.Text;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Api;

/// <summary>
/// Malformed requests: each gets the right HTTP status (and, inside a 200, the right API error
/// code), and none of them publishes anything — every row aims at channel <c>hist:bad</c>, whose
/// history stays empty (stream offset 0), while a live subscriber sees nothing either.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BadInputTests
{
    /// <summary>One malformed request: how it is sent and what must come back.</summary>
    public sealed record BadRequestCase(string Name, string Path, byte[] Body, int Status, int? ErrorCode = null, string? Key = RelayTestServer.ApiKey, string HttpMethod = "POST", bool TransportErrors = false)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<BadRequestCase> Cases()
    {
        static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
        const string Ok = """{"channel":"hist:bad","data":{"x":1}}""";
        var huge = Text("{\"channel\":\"hist:bad\",\"data\":\"" + new string('x', (int)ApiTestServer.BodyLimit) + "\"}");
        var deep = Text("{\"channel\":\"hist:bad\",\"data\":" + new string('[', 100) + new string(']', 100) + "}");
        var invalidUtf8 = Text("{\"channel\":\"hist:bad\",\"data\":\"").Concat(new byte[] { 0xC3, 0x28 }).Concat(Text("\"}")).ToArray();
        BadRequestCase[] cases =
        [
            new("empty body", "/api/publish", [], 400),
            new("broken JSON", "/api/publish", Text("""{"channel":"hist:bad","data":{"""), 400),
            new("array instead of object", "/api/publish", Text("[]"), 400),
            new("string instead of object", "/api/publish", Text("\"publish\""), 400),
            new("channel is a number", "/api/publish", Text("""{"channel":5,"data":{}}"""), 400),
            new("skip_history is a string", "/api/publish", Text("""{"channel":"hist:bad","data":{},"skip_history":"yes"}"""), 400),
            new("tags is an array", "/api/publish", Text("""{"channel":"hist:bad","data":{},"tags":[1]}"""), 400),
            new("tag value is a number", "/api/publish", Text("""{"channel":"hist:bad","data":{},"tags":{"a":1}}"""), 400),
            new("idempotency_key is a number", "/api/publish", Text("""{"channel":"hist:bad","data":{},"idempotency_key":7}"""), 400),
            new("delta is a string", "/api/publish", Text("""{"channel":"hist:bad","data":{},"delta":"true"}"""), 400),
            new("invalid UTF-8", "/api/publish", invalidUtf8, 400),
            new("nesting too deep", "/api/publish", deep, 400),
            new("body over the limit", "/api/publish", huge, 413),
            new("data missing", "/api/publish", Text("""{"channel":"hist:bad"}"""), 200, 107),
            new("data is null", "/api/publish", Text("""{"channel":"hist:bad","data":null}"""), 200, 107),
            new("channel empty", "/api/publish", Text("""{"channel":"","data":{}}"""), 200, 107),
            new("channel missing", "/api/publish", Text("""{"data":{}}"""), 200, 107),
            new("channel too long", "/api/publish", Text("{\"channel\":\"hist:" + new string('b', 300) + "\",\"data\":{}}"), 200, 107),
            new("channel not ASCII", "/api/publish", Text("""{"channel":"hist:bäd","data":{}}"""), 200, 107),
            new("unknown namespace", "/api/publish", Text("""{"channel":"nope:bad","data":{}}"""), 200, 102),
            new("b64data not base64", "/api/publish", Text("""{"channel":"hist:bad","b64data":"!!!"}"""), 200, 107),
            new("transport mode: channel empty", "/api/publish", Text("""{"channel":"","data":{}}"""), 400, TransportErrors: true),
            new("GET instead of POST", "/api/publish", Text(Ok), 405, HttpMethod: "GET"),
            new("wrong API key", "/api/publish", Text(Ok), 401, Key: "wrong"),
            new("no API key", "/api/publish", Text(Ok), 401, Key: null),
            new("unknown method", "/api/publishh", Text(Ok), 404),
            new("broadcast channels not an array", "/api/broadcast", Text("""{"channels":"hist:bad","data":{}}"""), 400),
            new("broadcast without channels", "/api/broadcast", Text("""{"data":{}}"""), 200, 107),
            new("broadcast without data", "/api/broadcast", Text("""{"channels":["hist:bad"]}"""), 200, 107),
            new("batch: bad command among good ones", "/api/batch", Text("{\"commands\":[{\"publish\":" + Ok + "},{\"publish\":{\"channel\":5}}]}"), 400),
            new("batch: commands not an array", "/api/batch", Text("""{"commands":{"publish":{}}}"""), 400),
            new("batch: command is a number", "/api/batch", Text("{\"commands\":[{\"publish\":" + Ok + "},7]}"), 400),
            new("legacy: broken second command", "/api", Text("{\"method\":\"publish\",\"params\":" + Ok + "}\n{\"method\":"), 400),
            new("legacy: method of wrong type", "/api", Text("{\"method\":true,\"params\":" + Ok + "}"), 400),
            new("legacy: empty body", "/api", [], 400),
        ];
        var data = new TheoryData<BadRequestCase>();
        foreach (var row in cases)
        {
            data.Add(row);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MalformedRequest_RightCode_NothingPublished(BadRequestCase bad)
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var subscriber = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("watcher", TimeSpan.FromHours(1)));
        await server.PostAsync("/api/subscribe", """{"user":"watcher","channel":"hist:bad"}""");
        var subscribePush = await subscriber.ReceiveAsync();

        using var request = new HttpRequestMessage(new HttpMethod(bad.HttpMethod), bad.Path) { Content = new ByteArrayContent(bad.Body) };
        if (bad.Key is not null)
        {
            request.Headers.Add("X-API-Key", bad.Key);
        }

        if (bad.TransportErrors)
        {
            request.Headers.Add("X-Centrifugo-Error-Mode", "transport");
        }

        var answer = await server.SendAsync(request);

        Assert.Equal(bad.Status, answer.Status);
        if (bad.ErrorCode is { } code)
        {
            Assert.Equal(code, answer.ErrorCode);
        }

        if (bad.Status == 400 && !bad.TransportErrors)
        {
            Assert.StartsWith("Bad Request", answer.Body, StringComparison.Ordinal);
        }

        // Nothing was published: the stream of hist:bad is still empty, and after a marker
        // publication the subscriber's next publication is the marker itself.
        var history = await server.PostAsync("/api/history", """{"channel":"hist:bad","limit":-1}""");
        Assert.Equal(0, history.Json.GetProperty("result").GetProperty("offset").GetInt32());
        await server.PostAsync("/api/publish", """{"channel":"hist:bad","data":{"marker":true}}""");
        var next = await subscriber.ReceiveAsync();
        Assert.Equal("subscribe", subscribePush!.Value.GetProperty("push").EnumerateObject().Last().Name);
        Assert.True(next!.Value.GetProperty("push").GetProperty("pub").GetProperty("data").GetProperty("marker").GetBoolean());
    }
}
