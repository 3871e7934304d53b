using K8sRelay.Configuration.Model;

namespace K8sRelay.Engines.Redis.Tests;

public sealed class RedisConfigMappingTests
{
    [Fact]
    public void Apply_EngineSection_CopiesConnectionAndPresenceSettings()
    {
        var options = new RedisEngineOptions();
        var config = new RedisEngineConfig
        {
            Address = ["redis://a:6379", "redis://b:6379"],
            Prefix = "p",
            PresenceTtl = TimeSpan.FromSeconds(30),
            IoTimeout = TimeSpan.FromSeconds(2),
            Password = "pw",
            Db = 2,
        };
        config.Tls.Enabled = true;

        RedisConfigMapping.Apply(config, options);

        Assert.Equal(["redis://a:6379", "redis://b:6379"], options.Address);
        Assert.Equal("p", options.Prefix);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PresenceTtl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.IoTimeout);
        Assert.Equal("pw", options.Password);
        Assert.Null(options.User);
        Assert.Equal(2, options.Db);
        Assert.True(options.Tls);
    }

    [Fact]
    public void Apply_SentinelAddress_MakesOneSentinelShardPerEntry()
    {
        var options = new RedisEngineOptions();

        RedisConfigMapping.Apply(new RedisEngineConfig { SentinelAddress = ["s1:26379,s2:26379"], SentinelMasterName = "mymaster" }, options);

        var address = RedisAddressParser.Parse(Assert.Single(options.Address), options);
        Assert.Equal(RedisTopology.Sentinel, address.Topology);
        Assert.Equal("mymaster", address.SentinelMasterName);
        Assert.Equal(2, address.EndPoints.Count);
    }

    [Fact]
    public void Apply_ClusterAddress_MakesOneClusterShardPerEntry()
    {
        var options = new RedisEngineOptions();

        RedisConfigMapping.Apply(new RedisEngineConfig { ClusterAddress = ["n1:7000,n2:7001", "m1:7000"] }, options);

        Assert.Equal(2, options.Address.Count);
        Assert.All(options.Address, a => Assert.Equal(RedisTopology.Cluster, RedisAddressParser.Parse(a, options).Topology));
    }
}
