using K8sRelay.Configuration.Model;
using K8sRelay.Core.Channels;

namespace K8sRelay.Core.Tests.Channels;

public sealed class ChannelRulesTests
{
    private static ChannelRules Rules()
    {
        var config = new ChannelConfig();
        config.Namespaces.Add(new ChannelNamespaceConfig { Name = "chat" });
        config.Namespaces.Add(new ChannelNamespaceConfig { Name = "ids", ChannelRegex = "^[0-9]+$" });
        return new ChannelRules(config);
    }

    [Theory]
    [InlineData("news", "")]
    [InlineData("chat:room", "chat")]
    [InlineData("$chat:secret", "chat")]
    [InlineData("chat:room:sub", "chat")]
    [InlineData(":odd", "")]
    public void NamespaceName_FollowsBoundaryRules(string channel, string expected) =>
        Assert.Equal(expected, Rules().NamespaceName(channel));

    [Fact]
    public void TryResolve_UnknownNamespace_ReturnsFalse()
    {
        Assert.False(Rules().TryResolve("missing:x", out _));
        Assert.True(Rules().TryResolve("plain", out var ns));
        Assert.Equal(string.Empty, ns.Name);
    }

    [Theory]
    [InlineData("dialog#42,43", "42", true)]
    [InlineData("dialog#42,43", "43", true)]
    [InlineData("dialog#42,43", "4", false)]
    [InlineData("dialog#42", "", false)]
    [InlineData("dialog", "42", false)]
    public void IsUserAllowed_MatchesListedUsers(string channel, string user, bool expected) =>
        Assert.Equal(expected, Rules().IsUserAllowed(channel, user));

    [Fact]
    public void IsValidName_AppliesRegexAfterNamespace()
    {
        var rules = Rules();
        Assert.True(rules.TryResolve("ids:123", out var ids));
        Assert.True(rules.IsValidName("ids:123", ids));
        Assert.False(rules.IsValidName("ids:abc", ids));
        Assert.True(rules.TryResolve("chat:x", out var chat));
        Assert.False(rules.IsValidName("chat:é", chat));
    }

    [Fact]
    public void PersonalChannel_WithAndWithoutNamespace()
    {
        Assert.Equal("#42", Rules().PersonalChannel("42", string.Empty));
        Assert.Equal("user:#42", Rules().PersonalChannel("42", "user"));
    }
}
