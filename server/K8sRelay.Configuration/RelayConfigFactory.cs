using System.Security.Cryptography;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration;

/// <summary>Ready-made configurations for the <c>genconfig</c> and <c>defaultconfig</c> commands.</summary>
public static class RelayConfigFactory
{
    /// <summary>
    /// The keys a generated config sets, in the order <c>genconfig</c> writes them. Pass this to
    /// <see cref="RelayConfigWriter.ToJson"/> as <c>alwaysInclude</c> with <c>onlyNonDefault</c>
    /// so that <c>client.allowed_origins: []</c> is written although it equals the default.
    /// </summary>
    public static IReadOnlyList<string> GeneratedKeys { get; } =
    [
        "client.token.hmac_secret_key",
        "client.allowed_origins",
        "admin.password",
        "admin.secret",
        "http_api.key",
    ];

    /// <summary>A configuration holding only the defaults.</summary>
    public static RelayConfig CreateDefault() => new();

    /// <summary>
    /// A minimal configuration like Centrifugo's <c>genconfig</c>: fresh random UUIDs (from a
    /// cryptographic generator) for <c>client.token.hmac_secret_key</c>, <c>admin.password</c>,
    /// <c>admin.secret</c> and <c>http_api.key</c>, and an empty <c>client.allowed_origins</c>.
    /// </summary>
    public static RelayConfig CreateGenerated()
    {
        var config = new RelayConfig();
        config.Client.Token.HmacSecretKey = RandomUuid();
        config.Client.AllowedOrigins = [];
        config.Admin.Password = RandomUuid();
        config.Admin.Secret = RandomUuid();
        config.HttpApi.Key = RandomUuid();
        return config;
    }

    /// <summary>Renders <see cref="CreateGenerated"/> in <paramref name="format"/>, writing only <see cref="GeneratedKeys"/>.</summary>
    public static string RenderGenerated(ConfigFileFormat format) =>
        RelayConfigWriter.Write(CreateGenerated(), format, onlyNonDefault: true, GeneratedKeys);

    /// <summary>A version 4 UUID built from cryptographically secure random bytes.</summary>
    private static string RandomUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
