using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using K8sRelay.Core.Auth;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>Forged, altered and confused EdDSA tokens against a JWKS with Ed25519 keys: each is rejected as invalid.</summary>
public sealed class EdDsaAttackTests : IAsyncLifetime
{
    private const string Path = "/jwks.json";
    private const string Kid = "ed";

    /// <summary>The order of the Ed25519 base point (RFC 8032 section 5.1).</summary>
    private static readonly BigInteger GroupOrder =
        BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    private readonly Ed25519PrivateKeyParameters _trusted = EdDsaTestKeys.Generate();
    private JwksTestServer _server = null!;
    private JwtTokenVerifier _verifier = null!;

    public ValueTask InitializeAsync()
    {
        _server = JwksTestServer.Start();
        _server.Serve(Path, EdDsaTestKeys.Jwk(_trusted, Kid));
        _verifier = new JwtTokenVerifier(new TokenVerifierOptions
        {
            JwksPublicEndpoint = _server.BaseUrl + Path,
            HmacSecretKey = TestTokens.Secret,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _verifier.Dispose();
        await _server.DisposeAsync();
    }

    private Task Rejected(string token) => Assert.ThrowsAsync<InvalidTokenException>(() => _verifier.Connect(token).AsTask());

    [Fact]
    public async Task Genuine_Accepted()
    {
        Assert.Equal("alice", (await _verifier.Connect(EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid))).UserId);
    }

    [Fact]
    public async Task SignedWithAnotherKey_Invalid()
    {
        await Rejected(EdDsaTestKeys.Token("""{"sub":"admin"}""", EdDsaTestKeys.Generate(), Kid));
    }

    [Fact]
    public async Task TamperedPayload_Invalid()
    {
        var parts = EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid).Split('.');

        await Rejected(parts[0] + "." + TestTokens.Encode("""{"sub":"admin"}""") + "." + parts[2]);
    }

    [Fact]
    public async Task TamperedHeader_Invalid()
    {
        var parts = EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid).Split('.');

        await Rejected(TestTokens.Encode($$"""{"alg":"EdDSA","kid":"{{Kid}}"}""") + "." + parts[1] + "." + parts[2]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(63)]
    public async Task FlippedSignatureBit_Invalid(int index)
    {
        var parts = EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid).Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[index] ^= 0x01;

        await Rejected(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public async Task SignatureOfWrongLength_Invalid(int length)
    {
        var parts = EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid).Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        var resized = new byte[length];
        signature.AsSpan(0, Math.Min(length, signature.Length)).CopyTo(resized);

        await Rejected(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(resized));
    }

    [Fact]
    public async Task MalleatedSignatureScalar_Invalid()
    {
        // S + L verifies under the group law but is not the canonical encoding RFC 8032 requires.
        var parts = EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid).Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true) + GroupOrder;
        Assert.True(s.TryWriteBytes(signature.AsSpan(32), out _, isUnsigned: true));

        await Rejected(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature));
    }

    [Fact]
    public async Task AlgorithmConfusion_Hs256KeyedWithOkpPublicKey_Invalid()
    {
        var publicKey = _trusted.GeneratePublicKey().GetEncoded();
        var jwk = EdDsaTestKeys.Jwk(_trusted, Kid);
        foreach (var secret in new[] { publicKey, Encoding.UTF8.GetBytes(Base64UrlEncoder.Encode(publicKey)), Encoding.UTF8.GetBytes(jwk) })
        {
            var signingInput = TestTokens.Encode($$"""{"alg":"HS256","kid":"{{Kid}}"}""") + "." + TestTokens.Encode("""{"sub":"admin"}""");
            var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
            await Rejected(signingInput + "." + Base64UrlEncoder.Encode(mac));
        }
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("HS256")]
    [InlineData("none")]
    [InlineData("Ed25519")]
    [InlineData("eddsa")]
    public async Task OtherAlgorithmNamingOkpKid_Invalid(string alg)
    {
        // A genuine Ed25519 signature under a header that claims another algorithm.
        await Rejected(EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, Kid, alg));
    }

    [Fact]
    public async Task EdDsaNamingRsaKid_Invalid()
    {
        using var rsa = TestKeys.Rsa(1);
        _server.Serve(Path, EdDsaTestKeys.Jwk(_trusted, Kid), JwksTestServer.RsaJwk(rsa, "rsa"));
        using var verifier = new JwtTokenVerifier(new TokenVerifierOptions { JwksPublicEndpoint = _server.BaseUrl + Path });

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(EdDsaTestKeys.Token("""{"sub":"alice"}""", _trusted, "rsa")).AsTask());
    }

    [Fact]
    public async Task SmallOrderPublicKey_Invalid()
    {
        // The identity point (y = 1): every "signature" with R = identity and S = 0 would satisfy a lax check.
        var identity = new byte[32];
        identity[0] = 1;
        _server.Serve(Path, EdDsaTestKeys.RawJwk(identity, "weak"));
        using var verifier = new JwtTokenVerifier(new TokenVerifierOptions { JwksPublicEndpoint = _server.BaseUrl + Path });
        var signature = new byte[64];
        signature[0] = 1;
        var token = TestTokens.Raw("""{"alg":"EdDSA","kid":"weak"}""", """{"sub":"admin"}""", Base64UrlEncoder.Encode(signature));

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
    }

    [Fact]
    public async Task ChannelClaimInEdDsaConnectionToken_Invalid()
    {
        await Rejected(EdDsaTestKeys.Token("""{"sub":"alice","channel":"news"}""", _trusted, Kid));
    }
}
