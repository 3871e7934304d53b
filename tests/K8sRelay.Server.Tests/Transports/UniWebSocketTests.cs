using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using K8sRelay.Protocol;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// The unidirectional WebSocket transport with a plain WebSocket client: connect by first message or
/// by <c>cf_connect</c>, publications, ping pushes, disconnect push plus close frame, bad input.
/// </summary>
[Trait("Category", "Integration")]
public sealed class UniWebSocketTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_PublicationPingDisconnect(bool connectInQuery)
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c => c.Client.PingInterval = TimeSpan.FromSeconds(1));
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1), channels: ["news:uni"]);
        var connect = $$"""{"token":"{{token}}"}""";
        using var socket = new ClientWebSocket();
        var url = UniUrl(server) + (connectInQuery ? "?cf_connect=" + Uri.EscapeDataString(connect) : string.Empty);
        await socket.ConnectAsync(new Uri(url), TestContext.Current.CancellationToken);
        if (!connectInQuery)
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(connect), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        }

        var first = (await ReceiveAsync(socket)).Message!.Value.GetProperty("connect");
        var clientId = first.GetProperty("client").GetString()!;
        Assert.True(first.GetProperty("subs").TryGetProperty("news:uni", out _));

        await TransportTestHelpers.PublishAsync(server, "news:uni", new { text = "hello" });
        JsonElement message;
        do
        {
            message = (await ReceiveAsync(socket)).Message!.Value;
        }
        while (!message.TryGetProperty("pub", out _));

        Assert.Equal("hello", message.GetProperty("pub").GetProperty("data").GetProperty("text").GetString());
        do
        {
            message = (await ReceiveAsync(socket)).Message!.Value;
        }
        while (message.EnumerateObject().Any());

        await TransportTestHelpers.DisconnectAsync(server, clientId, new DisconnectReason(4501, "test over"));
        JsonElement disconnect;
        do
        {
            message = (await ReceiveAsync(socket)).Message!.Value;
        }
        while (!message.TryGetProperty("disconnect", out disconnect));

        Assert.Equal(4501, disconnect.GetProperty("code").GetInt32());
        var closed = await ReceiveAsync(socket);
        Assert.Null(closed.Message);
        Assert.Equal(4501, (int)socket.CloseStatus!.Value);
        Assert.Equal("test over", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task BadFirstMessage_Closes3501()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(UniUrl(server)), TestContext.Current.CancellationToken);
        await socket.SendAsync("not json"u8.ToArray(), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

        JsonElement? message;
        do
        {
            message = (await ReceiveAsync(socket)).Message;
        }
        while (message is not null);

        Assert.Equal(3501, (int)socket.CloseStatus!.Value);
        Assert.Equal("bad request", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task BadConnectParameter_Refused400BeforeUpgrade()
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(UniUrl(server) + "?cf_connect=%7Bbroken"), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }

    [Fact]
    public async Task DisableDisconnectPush_OnlyCloseFrame()
    {
        await using var server = await TransportTestHelpers.StartServerAsync(c =>
        {
            c.UniWebsocket.JoinPushMessages = true;
            c.UniWebsocket.DisableDisconnectPush = true;
        });
        var token = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(UniUrl(server) + "?cf_connect=" + Uri.EscapeDataString($$"""{"token":"{{token}}"}""")), TestContext.Current.CancellationToken);
        var clientId = (await ReceiveAsync(socket)).Message!.Value.GetProperty("connect").GetProperty("client").GetString()!;

        await TransportTestHelpers.DisconnectAsync(server, clientId, DisconnectReason.ForceNoReconnect);

        Assert.Null((await ReceiveAsync(socket)).Message);
        Assert.Equal(3503, (int)socket.CloseStatus!.Value);
    }

    private static string UniUrl(RelayTestServer server) => server.Url.Replace("http://", "ws://", StringComparison.Ordinal) + "/connection/uni_websocket";

    /// <summary>Receives one text message; a null message means the server closed.</summary>
    private static async Task<(JsonElement? Message, int Count)> ReceiveAsync(ClientWebSocket socket)
    {
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);
        var buffer = new byte[65536];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), limit.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, 0);
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                var lines = Encoding.UTF8.GetString(buffer, 0, length).Split('\n');
                return (JsonDocument.Parse(lines[0]).RootElement.Clone(), lines.Length);
            }
        }
    }
}
