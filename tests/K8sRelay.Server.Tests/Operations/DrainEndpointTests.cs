using System.Diagnostics;
using System.Net;
using System.Text.Json;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Server.Tests.Security;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// The paced drain on a real server: started by <c>POST /api/drain</c> (as the operator calls it) or by the host
/// stopping (what SIGTERM does). Readiness turns false at once, connections are still accepted during the grace
/// and refused after it, and every client is disconnected with 3001 at its own moment across the period.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DrainEndpointTests
{
    private const int Clients = 6;

    [Fact]
    public async Task Drain_NeedsTheApiKey()
    {
        await using var server = await OperationsServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drain") { Content = new StringContent("{}") };
        request.Headers.Add("X-API-Key", "wrong");

        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(server.Node.IsDraining);
        await AssertReadyAsync(server, HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiDrain_NotReadyAtOnce_AcceptsDuringGrace_ThenSpreadsDisconnects()
    {
        await using var server = await OperationsServer.StartAsync(config =>
        {
            config.Shutdown.DrainGrace = TimeSpan.FromSeconds(1);
            config.Shutdown.DrainPeriod = TimeSpan.FromSeconds(3);
        });
        var clients = await ConnectManyAsync(server, Clients);
        var closes = clients.Select(WaitForCloseAsync).ToList();
        await AssertReadyAsync(server, HttpStatusCode.OK);

        using var response = await server.ApiAsync("drain", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var result = body.RootElement.GetProperty("result");
        Assert.Equal(Clients, result.GetProperty("clients").GetInt32());
        Assert.Equal(1000, result.GetProperty("grace_ms").GetInt64());
        Assert.Equal(3000, result.GetProperty("period_ms").GetInt64());
        var ready = await AssertReadyAsync(server, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("draining", ready, StringComparison.Ordinal);

        // The drain started with clients, so the grace applies: a newcomer is still let in.
        var (late, status) = await RawClient.TryOpenAsync(server.WebSocketUrl);
        Assert.True(late is not null, $"refused with {status} during the grace");
        await late.DisposeAsync();

        var results = await Task.WhenAll(closes);
        Assert.All(results, r => Assert.Equal(3001, r.Code));
        var moments = results.Select(r => r.At).Order().ToList();
        Assert.True(moments[^1] - moments[0] > TimeSpan.FromSeconds(1), "disconnects all came within one second: " + string.Join(", ", moments));

        var (refused, refusedStatus) = await RawClient.TryOpenAsync(server.WebSocketUrl);
        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedStatus);
        Assert.Equal(0, server.Node.Hub.ClientCount);
        Assert.Equal(1, (await server.ScrapeAsync()).Value(MetricNames.Draining));
        Assert.Equal(Clients, (await server.ScrapeAsync()).Value(MetricNames.ServerDisconnects, "code", "3001"));

        // A second call changes nothing and still answers.
        using var again = await server.ApiAsync("drain", "{}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task HostStop_DrainsWithTheReconnectCode_SpreadOverThePeriod()
    {
        var server = await OperationsServer.StartAsync(config =>
        {
            config.Shutdown.DrainGrace = TimeSpan.Zero;
            config.Shutdown.DrainPeriod = TimeSpan.FromSeconds(3);
            config.Shutdown.Timeout = TimeSpan.FromSeconds(20);
        });
        await using (server)
        {
            var clients = await ConnectManyAsync(server, Clients);
            var closes = clients.Select(WaitForCloseAsync).ToList();

            var stopping = server.StopAsync();
            var results = await Task.WhenAll(closes);
            await stopping;

            Assert.All(results, r => Assert.Equal(3001, r.Code));
            var moments = results.Select(r => r.At).Order().ToList();
            Assert.True(moments[^1] - moments[0] > TimeSpan.FromSeconds(1), "disconnects all came within one second: " + string.Join(", ", moments));
        }
    }

    private static async Task<List<RawClient>> ConnectManyAsync(OperationsServer server, int count)
    {
        var clients = new List<RawClient>();
        for (var i = 0; i < count; i++)
        {
            var client = await RawClient.OpenAsync(server.WebSocketUrl);
            var answer = await client.ConnectAsync(server.Tokens.CreateConnectionToken("drain-" + i, TimeSpan.FromHours(1)));
            Assert.True(answer.Succeeded("connect"), answer.ToString());
            clients.Add(client);
        }

        return clients;
    }

    private static async Task<(int? Code, TimeSpan At)> WaitForCloseAsync(RawClient client)
    {
        await using (client)
        {
            while (true)
            {
                var answer = await client.ReceiveAsync();
                if (answer.CloseCode is { } code)
                {
                    return (code, Stopwatch.GetElapsedTime(0));
                }
            }
        }
    }

    private static async Task<string> AssertReadyAsync(OperationsServer server, HttpStatusCode expected)
    {
        using var response = await server.Http.GetAsync("/ready", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"/ready answered {response.StatusCode}: {body}");
        return body;
    }
}
