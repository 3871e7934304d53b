using System.CommandLine;
using System.Text;
using System.Text.Json;
using K8sRelay.Configuration;
using K8sRelay.Core.Auth;
using K8sRelay.Server.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sRelay.Server.Cli;

/// <summary>
/// <c>checktoken TOKEN</c> and <c>checksubtoken TOKEN</c>: verify a connection or subscription
/// token with the configured verification settings. A valid token prints its user (and channel)
/// and the claims, exit 0; an invalid one prints the algorithm, the claims and what is wrong,
/// exit 1.
/// </summary>
internal static class CheckTokenCommand
{
    public static Command Create(TextWriter output, bool subscription)
    {
        var name = subscription ? "checksubtoken" : "checktoken";
        var config = CliConfig.PathOption("path to the config file");
        var token = new Argument<string[]>("TOKEN") { Description = "the token to check", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(name, subscription ? "Check a subscription token." : "Check a connection token.") { config, token };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(name, parse.GetValue(config)!, parse.GetValue(token) ?? [], subscription, output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string name, string configPath, string[] tokens, bool subscription, TextWriter output, CancellationToken cancellationToken)
    {
        Configuration.Model.RelayConfig config;
        try
        {
            config = CliConfig.LoadTolerant(configPath);
        }
        catch (ConfigException ex)
        {
            await output.WriteLineAsync("error getting config: " + CliConfig.Describe(ex)).ConfigureAwait(false);
            return 1;
        }

        if (tokens.Length != 1)
        {
            await output.WriteLineAsync($"error: provide token to check [k8srelay {name} <TOKEN>]").ConfigureAwait(false);
            return 1;
        }

        var token = tokens[0];
        if (!TryReadUnverified(token, out var algorithm, out var claims))
        {
            await output.WriteLineAsync("error: malformed token: expected three base64url parts with a JSON header and claims").ConfigureAwait(false);
            return 1;
        }

        var verifier = TokenVerifierFactory.Create(config.Client, TimeProvider.System, NullLoggerFactory.Instance);
        try
        {
            if (subscription)
            {
                var verified = await verifier.VerifySubscriptionTokenAsync(token, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"valid subscription token for {Who(verified.UserId, quoted: true)} and channel \"{verified.Channel}\"").ConfigureAwait(false);
            }
            else
            {
                var verified = await verifier.VerifyConnectTokenAsync(token, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"valid token for {Who(verified.UserId, quoted: false)}").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidTokenException or TokenExpiredException or TokenVerificationUnavailableException)
        {
            await output.WriteLineAsync($"error: token with algorithm {algorithm} and claims {claims} has error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync("payload: " + claims).ConfigureAwait(false);
        return 0;
    }

    private static string Who(string user, bool quoted) =>
        user.Length == 0 ? "anonymous user" : quoted ? $"user \"{user}\"" : "user " + user;

    /// <summary>Reads the header's <c>alg</c> and the claims JSON without checking the signature.</summary>
    private static bool TryReadUnverified(string token, out string algorithm, out string claims)
    {
        algorithm = "";
        claims = "";
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            algorithm = header.RootElement.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String ? alg.GetString()! : "";
            var payload = Base64Url(parts[1]);
            using var parsed = JsonDocument.Parse(payload);
            claims = Encoding.UTF8.GetString(payload);
            return parsed.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url length") };
        return Convert.FromBase64String(padded);
    }
}
