using System.CommandLine;
using K8sRelay.Configuration;
using K8sRelay.Core.Auth;

namespace K8sRelay.Server.Cli;

/// <summary>
/// <c>gentoken -u USER [-t TTL]</c> and <c>gensubtoken -u USER -s CHANNEL [-t TTL]</c>: create an
/// HS256 connection or subscription token with the configured HMAC secret (the subscription token
/// secret when <c>client.subscription_token.enabled</c>). TTL in seconds, default one week; a
/// negative TTL gives a token without expiration. <c>--quiet</c> prints the token only.
/// </summary>
internal static class GenTokenCommand
{
    private const long DefaultTtlSeconds = 7 * 24 * 3600;

    public static Command Create(TextWriter output, bool subscription)
    {
        var config = CliConfig.PathOption("path to the config file");
        var user = new Option<string>("--user", "-u") { Description = "user ID (empty for an anonymous user)", DefaultValueFactory = _ => "" };
        var ttl = new Option<long>("--ttl", "-t") { Description = "token lifetime in seconds; negative for no expiration", DefaultValueFactory = _ => DefaultTtlSeconds };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print only the token" };
        var channel = new Option<string>("--channel", "-s") { Description = "channel the token grants", DefaultValueFactory = _ => "" };
        var command = subscription
            ? new Command("gensubtoken", "Generate a subscription token for a user and channel.") { config, user, channel, ttl, quiet }
            : new Command("gentoken", "Generate a connection token for a user.") { config, user, ttl, quiet };
        command.SetAction(parse => Run(
            parse.GetValue(config)!,
            parse.GetValue(user)!,
            subscription ? parse.GetValue(channel)! : null,
            parse.GetValue(ttl),
            parse.GetValue(quiet),
            output));
        return command;
    }

    private static int Run(string configPath, string user, string? channel, long ttlSeconds, bool quiet, TextWriter output)
    {
        Configuration.Model.RelayConfig config;
        try
        {
            config = CliConfig.LoadTolerant(configPath);
        }
        catch (ConfigException ex)
        {
            output.WriteLine("error getting config: " + CliConfig.Describe(ex));
            return 1;
        }

        if (channel is { Length: 0 })
        {
            output.WriteLine("channel is required");
            return 1;
        }

        var secret = channel is not null && config.Client.SubscriptionToken.Enabled
            ? config.Client.SubscriptionToken.HmacSecretKey
            : config.Client.Token.HmacSecretKey;
        if (string.IsNullOrEmpty(secret))
        {
            output.WriteLine("error: no HMAC secret key set");
            return 1;
        }

        var issuer = new TokenIssuer(secret);
        TimeSpan? lifetime = ttlSeconds > 0 ? TimeSpan.FromSeconds(ttlSeconds) : null;
        var token = channel is null ? issuer.CreateConnectionToken(user, lifetime) : issuer.CreateSubscriptionToken(user, channel, lifetime);
        if (quiet)
        {
            output.Write(token);
            return 0;
        }

        var who = user.Length == 0 ? "anonymous user" : $"user \"{user}\"";
        var channelText = channel is null ? "" : $" and channel \"{channel}\"";
        var expiry = ttlSeconds >= 0 ? "with expiration TTL " + GoDurationText.FromSeconds(ttlSeconds) : "without expiration";
        output.WriteLine($"HMAC SHA-256 JWT for {who}{channelText} {expiry}:");
        output.WriteLine(token);
        return 0;
    }
}
