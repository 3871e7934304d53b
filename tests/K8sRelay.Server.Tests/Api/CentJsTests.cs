using System.Text.Json;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Api;

/// <summary>The real npm cent.js 6.1.0 server API client drives every method, and a pipeline over the legacy endpoint.</summary>
[Trait("Category", "Integration")]
public sealed class CentJsTests
{
    [Fact]
    public async Task CentJs_EveryMethodAndPipeline()
    {
        await using var server = await ApiTestServer.StartAsync();
        var args = server.ScenarioArgs();
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));

        var r = await NodeScript.RunAsync("cent-methods", args);

        Assert.Equal(1, r.GetProperty("publish").GetProperty("offset").GetInt32());
        var responses = r.GetProperty("broadcast").GetProperty("responses");
        Assert.Equal(2, responses[0].GetProperty("result").GetProperty("offset").GetInt32());
        Assert.Equal(JsonValueKind.Object, responses[1].GetProperty("result").ValueKind);
        Assert.Equal("{}", r.GetProperty("subscribe").GetRawText());
        Assert.True(r.GetProperty("serverSubscribed").GetProperty("welcome").GetBoolean());
        Assert.Equal("to the server-side subscription", r.GetProperty("serverPublication").GetProperty("text").GetString());

        var presence = r.GetProperty("presence").GetProperty("presence").EnumerateObject().Single().Value;
        Assert.Equal("42", presence.GetProperty("user").GetString());
        Assert.Equal(1, r.GetProperty("presenceStats").GetProperty("num_clients").GetInt32());
        Assert.Equal(1, r.GetProperty("presenceStats").GetProperty("num_users").GetInt32());

        var history = r.GetProperty("history").GetProperty("publications");
        Assert.Equal([1, 2], history.EnumerateArray().Select(p => p.GetProperty("data").GetProperty("n").GetInt32()));
        Assert.Equal(["pres:room"], r.GetProperty("channels").GetProperty("channels").EnumerateObject().Select(c => c.Name));
        Assert.Equal(1, r.GetProperty("info").GetProperty("nodes").GetArrayLength());
        Assert.Equal("{}", r.GetProperty("historyRemove").GetRawText());
        Assert.Equal(0, r.GetProperty("historyAfterRemove").GetProperty("publications").GetArrayLength());
        Assert.Equal(2, r.GetProperty("historyAfterRemove").GetProperty("offset").GetInt32());
        Assert.Equal("{}", r.GetProperty("refresh").GetRawText());
        Assert.Equal(2000, r.GetProperty("unsubscribed").GetProperty("code").GetInt32());
        Assert.True(r.GetProperty("unknownChannelThrew").GetBoolean());

        var pipeline = r.GetProperty("pipeline");
        Assert.Equal(4, pipeline.GetArrayLength());
        Assert.Equal(1, pipeline[0].GetProperty("offset").GetInt32());
        Assert.Equal(2, pipeline[1].GetProperty("offset").GetInt32());
        Assert.Equal(2, pipeline[2].GetProperty("publications").GetArrayLength());
        Assert.Equal(1, pipeline[3].GetProperty("nodes").GetArrayLength());

        Assert.Equal("{}", r.GetProperty("disconnect").GetRawText());
        Assert.Equal(4500, r.GetProperty("disconnected").GetProperty("code").GetInt32());
        Assert.Equal("bye from api", r.GetProperty("disconnected").GetProperty("reason").GetString());
    }
}
