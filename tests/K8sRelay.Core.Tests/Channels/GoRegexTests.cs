using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Validation;
using K8sRelay.Core.Channels;

namespace K8sRelay.Core.Tests.Channels;

public sealed class GoRegexTests
{
    [Theory]
    [InlineData("^(?P<env>prod|dev)$", "^(?<env>prod|dev)$")]
    [InlineData(@"\(?P<x>", @"\(?P<x>")]
    [InlineData("^[a-z]+$", "^[a-z]+$")]
    public void ToDotNet_RewritesGoNamedGroupsOnly(string go, string dotnet) =>
        Assert.Equal(dotnet, GoRegex.ToDotNet(go));

    [Fact]
    public void ChannelRegex_WithGoNamedGroup_Compiles()
    {
        var ns = new ChannelNamespace("ids", new ChannelNamespaceConfig { Name = "ids", ChannelRegex = "^(?P<id>[0-9]+)$" });

        Assert.Matches(ns.ChannelRegex!, "123");
        Assert.DoesNotMatch(ns.ChannelRegex!, "abc");
    }
}
