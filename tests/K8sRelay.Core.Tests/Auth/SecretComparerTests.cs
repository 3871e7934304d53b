using K8sRelay.Core.Auth;

namespace K8sRelay.Core.Tests.Auth;

public sealed class SecretComparerTests
{
    [Theory]
    [InlineData("api-key", "api-key", true)]
    [InlineData("clé-ü", "clé-ü", true)]
    [InlineData("api-key", "api-kez", false)]
    [InlineData("api-key", "api-key-longer", false)]
    [InlineData("API-KEY", "api-key", false)]
    [InlineData("", "", false)]
    [InlineData(null, null, false)]
    [InlineData("x", null, false)]
    [InlineData(null, "x", false)]
    [InlineData("", "x", false)]
    public void FixedTimeEquals_ComparesExactlyAndNeverMatchesEmpty(string? provided, string? expected, bool equal)
    {
        Assert.Equal(equal, SecretComparer.FixedTimeEquals(provided, expected));
    }
}
