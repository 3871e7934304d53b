namespace K8sRelay.Engines.Redis.Tests;

public sealed class RedisAddressParserTests
{
    private static readonly RedisEngineOptions Defaults = new();

    [Fact]
    public void Parse_HostAndPort_IsStandalone()
    {
        var address = RedisAddressParser.Parse("10.0.0.1:6380", Defaults);

        Assert.Equal(RedisTopology.Standalone, address.Topology);
        Assert.Equal([("10.0.0.1", 6380)], address.EndPoints);
        Assert.False(address.Tls);
        Assert.Equal(0, address.Db);
    }

    [Fact]
    public void Parse_HostOnly_UsesTheDefaultPort() =>
        Assert.Equal([("redis", 6379)], RedisAddressParser.Parse("redis", Defaults).EndPoints);

    [Fact]
    public void Parse_RedisUrl_ReadsUserPasswordAndDb()
    {
        var address = RedisAddressParser.Parse("redis://alice:s%40cret@cache:7000/3", Defaults);

        Assert.Equal(("cache", 7000), address.EndPoints[0]);
        Assert.Equal("alice", address.User);
        Assert.Equal("s@cret", address.Password);
        Assert.Equal(3, address.Db);
    }

    [Fact]
    public void Parse_PasswordOnly_KeepsTheDefaultUser()
    {
        var address = RedisAddressParser.Parse("redis://:pw@cache", new RedisEngineOptions { User = "bob" });

        Assert.Equal("bob", address.User);
        Assert.Equal("pw", address.Password);
    }

    [Fact]
    public void Parse_Rediss_TurnsOnTls() => Assert.True(RedisAddressParser.Parse("rediss://cache:6380", Defaults).Tls);

    [Fact]
    public void Parse_Sentinel_ReadsMasterNameAndExtraSentinels()
    {
        var address = RedisAddressParser.Parse("redis+sentinel://s1:26379,s2?sentinel_master_name=mymaster&addr=s3:26380", Defaults);

        Assert.Equal(RedisTopology.Sentinel, address.Topology);
        Assert.Equal("mymaster", address.SentinelMasterName);
        Assert.Equal([("s1", 26379), ("s2", 26379), ("s3", 26380)], address.EndPoints);
    }

    [Fact]
    public void Parse_SentinelWithoutMasterName_Fails() =>
        Assert.Throws<FormatException>(() => RedisAddressParser.Parse("redis+sentinel://s1:26379", Defaults));

    [Fact]
    public void Parse_PlainAddressWithSentinelMasterOption_IsSentinel()
    {
        var address = RedisAddressParser.Parse("s1", new RedisEngineOptions { SentinelMasterName = "m" });

        Assert.Equal(RedisTopology.Sentinel, address.Topology);
        Assert.Equal([("s1", 26379)], address.EndPoints);
    }

    [Fact]
    public void Parse_Cluster_ReadsSeeds()
    {
        var address = RedisAddressParser.Parse("redis+cluster://n1:7000?addr=n2:7001", Defaults);

        Assert.Equal(RedisTopology.Cluster, address.Topology);
        Assert.Equal([("n1", 7000), ("n2", 7001)], address.EndPoints);
    }

    [Fact]
    public void Parse_BracketedIpv6_ReadsHostAndPort() =>
        Assert.Equal(("::1", 6390), RedisAddressParser.Parse("redis://[::1]:6390", Defaults).EndPoints[0]);

    [Theory]
    [InlineData("")]
    [InlineData("memcached://x")]
    [InlineData("redis://host:notaport")]
    [InlineData("redis://host:70000")]
    [InlineData("redis://host/x")]
    public void Parse_Invalid_Fails(string address) => Assert.Throws<FormatException>(() => RedisAddressParser.Parse(address, Defaults));
}
