using System.Globalization;
using K8sRelay.Core.Diagnostics;

namespace K8sRelay.Core.Tests.Diagnostics;

/// <summary>The client name and version labels stay bounded whatever clients send in their connect command.</summary>
public sealed class ClientMetricLabelsTests
{
    [Theory]
    [InlineData("js", "5.7.4", "js", "5.7.4")]
    [InlineData("go", "0.10.0-rc.1+build5", "go", "0.10.0-rc.1+build5")]
    [InlineData("js", "", "js", "")]
    [InlineData("js", null, "js", "")]
    [InlineData("js", "v5.7.4", "js", "")]
    [InlineData("js", "5.7.4 <script>", "js", "")]
    [InlineData("js", "123456789012345678901234567890123", "js", "")]
    [InlineData("my-app", "1.0.0", "", "")]
    [InlineData("JS", "1.0.0", "", "")]
    [InlineData("", "1.0.0", "", "")]
    [InlineData(null, null, "", "")]
    public void For_KeepsOnlySdkNamesAndVersionLikeVersions(string? name, string? version, string expectedName, string expectedVersion)
    {
        var labels = ClientMetricLabels.CreateCache().For(name, version);

        Assert.Equal(expectedName, labels.Name);
        Assert.Equal(expectedVersion, labels.Version);
    }

    [Fact]
    public void For_SameInput_SharesOneInstance()
    {
        var cache = ClientMetricLabels.CreateCache();

        Assert.Same(cache.For("dart", "1.2.3"), cache.For("dart", "1.2.3"));
        Assert.Same(ClientMetricLabels.Unnamed, cache.For("unknown", "1.2.3"));
    }

    [Fact]
    public void For_ManyVersions_StopsRecordingNewVersionsAtTheLimit()
    {
        var cache = ClientMetricLabels.CreateCache();
        var versions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ClientMetricLabels.MaxCombinations * 3; i++)
        {
            versions.Add(cache.For("swift", "1.0." + i.ToString(CultureInfo.InvariantCulture)).Version);
        }

        Assert.True(versions.Count <= ClientMetricLabels.MaxCombinations + 1, $"{versions.Count} versions recorded");
        Assert.Contains(string.Empty, versions);
        Assert.Equal("1.0.0", cache.For("swift", "1.0.0").Version);
    }
}
