using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Tests.Fixtures;

/// <summary>Configurations used by the server tests: one namespace per feature under test.</summary>
public static class TestConfigs
{
    public static RelayConfig Default()
    {
        var config = new RelayConfig();
        config.Log.Level = "warn";
        config.Client.Token.HmacSecretKey = RelayTestServer.HmacSecret;
        config.HttpApi.Key = RelayTestServer.ApiKey;
        config.Client.ChannelLimit = 5;
        config.Channel.Namespaces.AddRange(
        [
            new ChannelNamespaceConfig { Name = "chat", AllowSubscribeForClient = true, AllowPublishForSubscriber = true },
            new ChannelNamespaceConfig { Name = "news", AllowSubscribeForClient = true },
            new ChannelNamespaceConfig
            {
                Name = "pres", AllowSubscribeForClient = true, Presence = true, JoinLeave = true, AllowPresenceForSubscriber = true,
            },
            new ChannelNamespaceConfig
            {
                Name = "hist", AllowSubscribeForClient = true, HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(5), AllowHistoryForSubscriber = true,
            },
            new ChannelNamespaceConfig
            {
                Name = "rec", AllowSubscribeForClient = true, HistorySize = 3, HistoryTtl = TimeSpan.FromMinutes(5), ForceRecovery = true,
            },
            new ChannelNamespaceConfig
            {
                Name = "delta", AllowSubscribeForClient = true, HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(5), ForceRecovery = true,
                AllowedDeltaTypes = ["fossil"],
            },
            new ChannelNamespaceConfig { Name = "priv", AllowSubscribeForClient = true },
            new ChannelNamespaceConfig { Name = "user", AllowUserLimitedChannels = true },
        ]);
        return config;
    }
}
