using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using K8sRelay.Configuration.Model;
using K8sRelay.Protocol;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>What the transport tests share: servers with every transport on, API calls, stream readers.</summary>
internal static class TransportTestHelpers
{
    /// <summary>Safety limit for a single wait on the server; tests never assert on durations.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    /// <summary>Starts a server with every HTTP transport enabled (and uni GRPC on a free port), then <paramref name="configure"/>.</summary>
    public static Task<RelayTestServer> StartServerAsync(Action<RelayConfig>? configure = null) =>
        RelayTestServer.StartAsync(config =>
        {
            config.HttpStream.Enabled = true;
            config.Sse.Enabled = true;
            config.UniHttpStream.Enabled = true;
            config.UniSse.Enabled = true;
            config.UniWebsocket.Enabled = true;
            config.Init.Enabled = true;
            config.UniGrpc.Enabled = true;
            config.UniGrpc.Address = "127.0.0.1";
            config.UniGrpc.Port = RelayTestServer.FreePort();
            config.Client.AllowedOrigins = ["http://allowed.example"];
            configure?.Invoke(config);
        });

    /// <summary>Publishes through the server HTTP API.</summary>
    public static Task PublishAsync(RelayTestServer server, string channel, object data) => PublishAsync(server.Url, channel, data);

    /// <summary>Publishes through the HTTP API of the server at <paramref name="url"/>.</summary>
    public static async Task PublishAsync(string url, string channel, object data)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/api/publish")
        {
            Content = JsonContent.Create(new { channel, data }),
        };
        request.Headers.Add("X-API-Key", RelayTestServer.ApiKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode && body.Contains("\"result\"", StringComparison.Ordinal), body);
    }

    /// <summary>Disconnects a client from the server side.</summary>
    public static Task DisconnectAsync(RelayTestServer server, string clientId, DisconnectReason reason)
    {
        var client = server.Node.Hub.FindClient(clientId) ?? throw new InvalidOperationException("no client " + clientId);
        return client.DisconnectAsync(reason);
    }

    /// <summary>Waits until a client with that id is connected on the server.</summary>
    public static async Task WaitForClientAsync(RelayTestServer server, string clientId)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (server.Node.Hub.FindClient(clientId) is null)
        {
            await Task.Delay(10, limit.Token);
        }
    }

    /// <summary>Reads the next JSON line of a newline-delimited stream, skipping empty lines; null at the end.</summary>
    public static async Task<JsonElement?> NextJsonLineAsync(StreamReader reader)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.Length > 0)
            {
                return JsonDocument.Parse(line).RootElement.Clone();
            }
        }

        return null;
    }

    /// <summary>Reads the next <c>data:</c> event of an event stream; null at the end.</summary>
    public static async Task<JsonElement?> NextEventAsync(StreamReader reader)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        return null;
    }

    /// <summary>A JSON body.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
