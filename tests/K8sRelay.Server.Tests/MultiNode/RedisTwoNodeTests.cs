using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Operations;

namespace K8sRelay.Server.Tests.MultiNode;

/// <summary>Two servers configured with <c>engine.type: redis</c> against one real redis-server.</summary>
[Trait("Category", "Integration")]
public sealed class RedisTwoNodeTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("protobuf")]
    public async Task ClientOnNodeA_ReceivesPublicationMadeThroughNodeB(string protocol)
    {
        await using var redis = await RedisProcess.StartAsync();
        void UseRedis(K8sRelay.Configuration.Model.RelayConfig config)
        {
            config.Engine.Type = "redis";
            config.Engine.Redis.Address = [redis.Address];
        }

        await using var nodeA = await RelayTestServer.StartAsync(UseRedis);
        await using var nodeB = await RelayTestServer.StartAsync(UseRedis);
        var args = nodeA.ScenarioArgs(protocol);
        args["apiUrl"] = nodeB.Url;
        args["token"] = nodeA.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "chat:across";
        args["forbiddenChannel"] = "news:x";

        var result = await NodeScript.RunAsync("pubsub", args);

        var texts = result.GetProperty("received").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["from api", "from client"], texts);
        Assert.Equal(103, result.GetProperty("forbiddenCode").GetInt32());
    }
}
