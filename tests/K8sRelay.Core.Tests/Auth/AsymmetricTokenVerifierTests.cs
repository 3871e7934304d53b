using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sRelay.Core.Auth;

namespace K8sRelay.Core.Tests.Auth;

public sealed class AsymmetricTokenVerifierTests
{
    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task VerifyConnectToken_RsaAlgorithms_ReturnsUser(string algorithm)
    {
        using var rsa = TestKeys.Rsa(0);
        using var verifier = VerifierFactory.With(o => o.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem());

        var claims = await verifier.Connect(TestTokens.Rsa("""{"sub":"r"}""", rsa, algorithm));

        Assert.Equal("r", claims.UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_RsaPkcs1PublicKeyPem_Accepted()
    {
        using var rsa = TestKeys.Rsa(0);
        using var verifier = VerifierFactory.With(o => o.RsaPublicKey = rsa.ExportRSAPublicKeyPem());

        Assert.Equal("r", (await verifier.Connect(TestTokens.Rsa("""{"sub":"r"}""", rsa))).UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_RsaCertificatePem_Accepted()
    {
        using var rsa = TestKeys.Rsa(0);
        var request = new CertificateRequest("CN=issuer", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var verifier = VerifierFactory.With(o => o.RsaPublicKey = certificate.ExportCertificatePem());

        Assert.Equal("r", (await verifier.Connect(TestTokens.Rsa("""{"sub":"r"}""", rsa))).UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_OtherRsaKey_Invalid()
    {
        using var rsa = TestKeys.Rsa(0);
        using var other = TestKeys.Rsa(1);
        using var verifier = VerifierFactory.With(o => o.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem());

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"r"}""", other)).AsTask());
    }

    public static TheoryData<string, string> Curves => new()
    {
        { "nistP256", "ES256" },
        { "nistP384", "ES384" },
        { "nistP521", "ES512" },
    };

    [Theory]
    [MemberData(nameof(Curves))]
    public async Task VerifyConnectToken_EcdsaAlgorithms_ReturnsUser(string curve, string algorithm)
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        using var verifier = VerifierFactory.With(o => o.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem());

        var claims = await verifier.Connect(TestTokens.Ecdsa("""{"sub":"e"}""", ecdsa, algorithm));

        Assert.Equal("e", claims.UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_EcdsaAlgorithmNotMatchingCurve_Invalid()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifier = VerifierFactory.With(o => o.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem());

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Ecdsa("""{"sub":"e"}""", ecdsa, "ES384")).AsTask());
    }

    [Fact]
    public async Task VerifySubscriptionToken_AllKeyKindsConfigured_EachAlgorithmUsesItsKey()
    {
        using var rsa = TestKeys.Rsa(0);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifier = VerifierFactory.With(o =>
        {
            o.HmacSecretKey = TestTokens.Secret;
            o.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem();
            o.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem();
        });
        const string payload = """{"sub":"u","channel":"$c"}""";

        Assert.Equal("$c", (await verifier.Subscribe(TestTokens.Hmac(payload))).Channel);
        Assert.Equal("$c", (await verifier.Subscribe(TestTokens.Rsa(payload, rsa))).Channel);
        Assert.Equal("$c", (await verifier.Subscribe(TestTokens.Ecdsa(payload, ecdsa))).Channel);
    }

    [Fact]
    public async Task VerifySubscriptionToken_SeparateSubscriptionOptions_UsesThemInsteadOfConnectionOnes()
    {
        using var connectionRsa = TestKeys.Rsa(0);
        using var subscriptionEcdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifier = new JwtTokenVerifier(
            new TokenVerifierOptions { RsaPublicKey = connectionRsa.ExportSubjectPublicKeyInfoPem() },
            new TokenVerifierOptions { EcdsaPublicKey = subscriptionEcdsa.ExportSubjectPublicKeyInfoPem() });
        const string subPayload = """{"sub":"u","channel":"c"}""";

        Assert.Equal("c", (await verifier.Subscribe(TestTokens.Ecdsa(subPayload, subscriptionEcdsa))).Channel);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Subscribe(TestTokens.Rsa(subPayload, connectionRsa)).AsTask());
        Assert.Equal("u", (await verifier.Connect(TestTokens.Rsa("""{"sub":"u"}""", connectionRsa))).UserId);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Ecdsa("""{"sub":"u"}""", subscriptionEcdsa)).AsTask());
    }

    [Fact]
    public async Task VerifyConnectToken_EdDsaAlgorithm_InvalidBecauseUnsupported()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Raw("""{"alg":"EdDSA","typ":"JWT"}""", """{"sub":"1"}""", TestTokens.Encode(new string('s', 64)));

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
    }
}
