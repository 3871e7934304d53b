using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration.Tests;

public sealed class DefaultsTests
{
    [Fact]
    public void NewConfig_HasCentrifugoDefaults()
    {
        var config = new RelayConfig();

        Assert.Equal(8000, config.HttpServer.Port);
        Assert.Equal("memory", config.Engine.Type);
        Assert.Equal("info", config.Log.Level);
        Assert.Equal(TimeSpan.FromSeconds(25), config.Client.PingInterval);
        Assert.Equal(TimeSpan.FromSeconds(8), config.Client.PongTimeout);
    }
}
