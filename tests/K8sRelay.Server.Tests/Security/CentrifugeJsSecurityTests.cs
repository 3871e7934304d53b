using System.Security.Cryptography;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// The real centrifuge-js client (JSON and Protobuf builds) with asymmetrically signed tokens: an RS256
/// connection token (and an EdDSA one through JWKS), and an ES256 subscription token, with keys generated here.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CentrifugeJsSecurityTests
{
    public static TheoryData<string> Protocols => new() { "json", "protobuf" };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Rs256ConnectionToken_Connects_ForgedOneClosedWith3500(string protocol)
    {
        using var rsa = RSA.Create(2048);
        using var attacker = RSA.Create(2048);
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Token.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem());
        var args = server.ScenarioArgs(protocol);
        args["serverChannel"] = "chat:signed";
        args["token"] = SecurityTokens.Rsa(Claims(), rsa);
        args["forgedToken"] = SecurityTokens.Rsa(Claims(), attacker);

        AssertSignedConnect(await NodeScript.RunAsync("security-signed-connect", args));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task EdDsaConnectionTokenThroughJwks_Connects_ForgedOneClosedWith3500(string protocol)
    {
        var key = SecurityTokens.NewEd25519Key();
        await using var jwks = JwksEndpoint.Start();
        jwks.Serve(JwksEndpoint.Ed25519Jwk(key, "ed"));
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Token.JwksPublicEndpoint = jwks.Url);
        var args = server.ScenarioArgs(protocol);
        args["serverChannel"] = "chat:signed";
        args["token"] = SecurityTokens.EdDsa(Claims(), key, "ed");
        args["forgedToken"] = SecurityTokens.EdDsa(Claims(), SecurityTokens.NewEd25519Key(), "ed");

        AssertSignedConnect(await NodeScript.RunAsync("security-signed-connect", args));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Es256SubscriptionToken_Subscribes_ForgedOneRefusedWith103(string protocol)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Token.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem());
        var exp = SecurityTokens.Now + 3600;
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("alice", TimeSpan.FromHours(1));
        args["channel"] = "$priv:signed";
        args["subToken"] = SecurityTokens.Ecdsa($$"""{"sub":"alice","channel":"$priv:signed","exp":{{exp}}}""", ecdsa);
        args["forgedChannel"] = "$priv:forged";
        args["forgedSubToken"] = SecurityTokens.Ecdsa($$"""{"sub":"alice","channel":"$priv:forged","exp":{{exp}}}""", attacker);

        var result = await NodeScript.RunAsync("security-signed-subscribe", args);

        Assert.Equal(["private"], result.GetProperty("received").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
        Assert.Equal(1, result.GetProperty("tokenRequests").GetInt32());
        Assert.False(result.GetProperty("forged").GetProperty("ok").GetBoolean());
        Assert.Equal(103, result.GetProperty("forged").GetProperty("code").GetInt32());
        Assert.Equal("connected", result.GetProperty("stillConnected").GetString());
    }

    private static string Claims() =>
        $$"""{"sub":"alice","exp":{{SecurityTokens.Now + 3600}},"channels":["chat:signed"]}""";

    private static void AssertSignedConnect(System.Text.Json.JsonElement result)
    {
        Assert.Equal(36, result.GetProperty("clientId").GetString()!.Length);
        Assert.Equal(["signed"], result.GetProperty("received").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
        Assert.Equal(3500, result.GetProperty("forgedCode").GetInt32());
        Assert.Equal("disconnected", result.GetProperty("forgedState").GetString());
    }
}
