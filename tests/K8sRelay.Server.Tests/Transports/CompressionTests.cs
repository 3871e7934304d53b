using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Transports.WebSocket;
using Microsoft.Extensions.DependencyInjection;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// WebSocket permessage-deflate: prepared frames decode to the original message, clients that
/// negotiate compression (.NET's ClientWebSocket, centrifuge-js with the ws package) receive
/// correct publications, and one publication to many subscribers is compressed once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CompressionTests
{
    [Theory]
    [InlineData(10, 1)]
    [InlineData(300, 9)]
    [InlineData(70000, -1)]
    [InlineData(5000, -2)]
    public void PreparedFrame_InflatesToTheMessage(int size, int level)
    {
        var message = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, size).Select(i => (char)('a' + (i * 7 % 26)))));
        var frame = new PreparedFrames(level).Build(message, text: true);

        Assert.Equal(0x80 | 0x40 | 0x1, frame[0]);
        var (offset, length) = frame[1] switch
        {
            126 => (4, (int)BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(2))),
            127 => (10, (int)BinaryPrimitives.ReadUInt64BigEndian(frame.AsSpan(2))),
            var n => (2, (int)n),
        };
        Assert.Equal(frame.Length - offset, length);
        using var input = new MemoryStream([.. frame.AsSpan(offset).ToArray(), 0x00, 0x00, 0xFF, 0xFF]);
        using var inflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        Assert.Equal(message, output.ToArray());
    }

    [Fact]
    public async Task TwoCompressedClients_OnePublication_CompressedOnce()
    {
        await using var server = await StartAsync(minSize: 400);
        var frames = server.App.Services.GetRequiredService<PreparedFrames>();
        using var first = await ConnectAsync(server, "alice");
        using var second = await ConnectAsync(server, "bob");
        Assert.Contains("permessage-deflate", first.HttpResponseHeaders!["Sec-WebSocket-Extensions"].Single(), StringComparison.Ordinal);
        var builtBefore = frames.FramesBuilt;

        var text = string.Concat(Enumerable.Repeat("compressible payload ", 50));
        await TransportTestHelpers.PublishAsync(server.Url, "chat:z", new { text });

        foreach (var socket in new[] { first, second })
        {
            var push = Assert.Single(await ReceiveJsonAsync(socket));
            Assert.Equal(text, push.GetProperty("push").GetProperty("pub").GetProperty("data").GetProperty("text").GetString());
        }

        Assert.Equal(builtBefore + 1, frames.FramesBuilt);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("protobuf")]
    public async Task CentrifugeJs_WithPerMessageDeflate_PubSub(string protocol)
    {
        await using var server = await StartAsync(minSize: 0);
        var frames = server.App.Services.GetRequiredService<PreparedFrames>();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "chat:room";
        args["forbiddenChannel"] = "news:x";

        var result = await NodeScript.RunAsync("pubsub", args);

        var texts = result.GetProperty("received").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["from api", "from client"], texts);
        Assert.True(frames.FramesBuilt > 0);
    }

    private static async Task<ClientWebSocket> ConnectAsync(CompressionServer server, string user)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        await socket.ConnectAsync(new Uri(server.WebSocketUrl), TestContext.Current.CancellationToken);
        var token = server.Tokens.CreateConnectionToken(user, TimeSpan.FromHours(1));
        var commands = $$$"""{"id":1,"connect":{"token":"{{{token}}}"}}""" + "\n" + """{"id":2,"subscribe":{"channel":"chat:z"}}""";
        await socket.SendAsync(Encoding.UTF8.GetBytes(commands), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
        var replies = 0;
        while (replies < 2)
        {
            replies += (await ReceiveJsonAsync(socket)).Count(reply => reply.TryGetProperty("id", out _));
        }

        return socket;
    }

    /// <summary>Receives one frame and returns the JSON messages in it.</summary>
    private static async Task<List<JsonElement>> ReceiveJsonAsync(ClientWebSocket socket)
    {
        using var limit = new CancellationTokenSource(TransportTestHelpers.WaitLimit);
        var buffer = new byte[1 << 16];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), limit.Token);
            length += result.Count;
            if (result.EndOfMessage)
            {
                return [.. Encoding.UTF8.GetString(buffer, 0, length).Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone())];
            }
        }
    }

    private static Task<CompressionServer> StartAsync(int minSize) =>
        CompressionServer.StartAsync(c =>
        {
            c.Websocket.Compression = true;
            c.Websocket.CompressionMinSize = minSize;
        });
}
