using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Creates HS256 connection and subscription tokens, as the <c>gentoken</c> and <c>gensubtoken</c> commands do,
/// signed by Microsoft.IdentityModel.JsonWebTokens. Tokens carry <c>sub</c>, <c>iat</c> and, when a positive
/// TTL is given, <c>exp</c>. Thread-safe.
/// </summary>
public sealed class TokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an issuer.</summary>
    /// <param name="hmacSecretKey">The <c>client.token.hmac_secret_key</c> (or subscription token) secret; must not be empty.</param>
    /// <param name="timeProvider">Clock for <c>iat</c>/<c>exp</c>; null for the system clock.</param>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public TokenIssuer(string hmacSecretKey, TimeProvider? timeProvider = null)
    {
        if (string.IsNullOrEmpty(hmacSecretKey))
        {
            throw new ArgumentException("an HMAC secret key is required to issue tokens", nameof(hmacSecretKey));
        }

        _credentials = new SigningCredentials(HmacKeys.Create(hmacSecretKey), SecurityAlgorithms.HmacSha256);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a connection token.</summary>
    /// <param name="userId">The <c>sub</c> claim; empty for an anonymous user.</param>
    /// <param name="ttl">Lifetime; null or not positive for a token without <c>exp</c>.</param>
    /// <param name="infoJson">Optional <c>info</c> claim as JSON text.</param>
    /// <param name="channels">Optional <c>channels</c> claim (server-side subscriptions).</param>
    /// <exception cref="ArgumentException"><paramref name="infoJson"/> is not valid JSON.</exception>
    public string CreateConnectionToken(
        string userId, TimeSpan? ttl = null, string? infoJson = null, IEnumerable<string>? channels = null)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return Sign(writer =>
        {
            WriteStandardClaims(writer, userId, ttl);
            if (infoJson is not null)
            {
                writer.WritePropertyName("info");
                WriteJson(writer, infoJson, nameof(infoJson));
            }

            if (channels is not null)
            {
                writer.WriteStartArray("channels");
                foreach (var channel in channels)
                {
                    writer.WriteStringValue(channel);
                }

                writer.WriteEndArray();
            }
        });
    }

    /// <summary>Creates a subscription token.</summary>
    /// <param name="userId">The <c>sub</c> claim: the user the connection belongs to.</param>
    /// <param name="channel">The channel the token grants; must not be empty.</param>
    /// <param name="ttl">Lifetime; null or not positive for a token without <c>exp</c>.</param>
    /// <param name="client">Optional client id the token is bound to.</param>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is empty.</exception>
    public string CreateSubscriptionToken(string userId, string channel, TimeSpan? ttl = null, string? client = null)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return Sign(writer =>
        {
            WriteStandardClaims(writer, userId, ttl);
            writer.WriteString("channel", channel);
            if (!string.IsNullOrEmpty(client))
            {
                writer.WriteString("client", client);
            }
        });
    }

    private void WriteStandardClaims(Utf8JsonWriter writer, string userId, TimeSpan? ttl)
    {
        var now = _timeProvider.GetUtcNow();
        writer.WriteString("sub", userId);
        writer.WriteNumber("iat", now.ToUnixTimeSeconds());
        if (ttl is { } lifetime && lifetime > TimeSpan.Zero)
        {
            writer.WriteNumber("exp", now.Add(lifetime).ToUnixTimeSeconds());
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, string json, string parameterName)
    {
        try
        {
            writer.WriteRawValue(json);
        }
        catch (JsonException)
        {
            throw new ArgumentException("the value must be valid JSON", parameterName);
        }
    }

    private string Sign(Action<Utf8JsonWriter> writeClaims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeClaims(writer);
            writer.WriteEndObject();
        }

        return _handler.CreateToken(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), _credentials);
    }
}
