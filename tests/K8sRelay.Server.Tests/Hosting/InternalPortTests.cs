using System.Globalization;
using System.Net;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Hosting;

public sealed class InternalPortTests
{
    [Fact]
    public async Task InternalPort_ServesApiThereAndHidesItOnTheClientPort()
    {
        var internalPort = RelayTestServer.FreePort();
        await using var server = await RelayTestServer.StartAsync(c => c.HttpServer.InternalPort = internalPort.ToString(CultureInfo.InvariantCulture));
        using var http = new HttpClient();
        var internalUrl = $"http://127.0.0.1:{internalPort}";
        var ct = TestContext.Current.CancellationToken;

        using var onClientPort = new HttpRequestMessage(HttpMethod.Post, server.Url + "/api/info") { Content = new StringContent("{}") };
        onClientPort.Headers.Add("X-API-Key", RelayTestServer.ApiKey);
        using var onInternalPort = new HttpRequestMessage(HttpMethod.Post, internalUrl + "/api/info") { Content = new StringContent("{}") };
        onInternalPort.Headers.Add("X-API-Key", RelayTestServer.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(onClientPort, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(onInternalPort, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(internalUrl + "/health", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(internalUrl + "/connection/websocket", ct)).StatusCode);
    }
}
