using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sRelay.Configuration.Tests;

public sealed class FactoryTests
{
    private static readonly Regex UuidV4 = new("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    [Fact]
    public void CreateGenerated_SetsFreshRandomSecrets()
    {
        var first = RelayConfigFactory.CreateGenerated();
        var second = RelayConfigFactory.CreateGenerated();

        string[] secrets = [first.Client.Token.HmacSecretKey, first.Admin.Password, first.Admin.Secret, first.HttpApi.Key];
        Assert.All(secrets, s => Assert.Matches(UuidV4, s));
        Assert.Equal(4, secrets.Distinct().Count());
        Assert.NotEqual(first.Client.Token.HmacSecretKey, second.Client.Token.HmacSecretKey);
        Assert.Empty(first.Client.AllowedOrigins);
        Assert.Empty(RelayConfigValidator.Validate(first));
    }

    [Fact]
    public void RenderGenerated_Json_HasExactlyTheGenconfigKeys()
    {
        var json = JsonNode.Parse(RelayConfigFactory.RenderGenerated(ConfigFileFormat.Json))!.AsObject();

        Assert.Equal(["client", "http_api", "admin"], json.Select(p => p.Key));
        Assert.Equal(["allowed_origins", "token"], json["client"]!.AsObject().Select(p => p.Key));
        Assert.Empty(json["client"]!["allowed_origins"]!.AsArray());
        Assert.Equal(["password", "secret"], json["admin"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData(ConfigFileFormat.Json)]
    [InlineData(ConfigFileFormat.Yaml)]
    public void RenderGenerated_LoadsBack(ConfigFileFormat format)
    {
        var text = RelayConfigFactory.RenderGenerated(format);

        var config = RelayConfigLoader.Parse(text, format).Config;

        Assert.Matches(UuidV4, config.Client.Token.HmacSecretKey);
        Assert.Matches(UuidV4, config.HttpApi.Key);
        Assert.Contains("allowed_origins", text, StringComparison.Ordinal);
    }
}
