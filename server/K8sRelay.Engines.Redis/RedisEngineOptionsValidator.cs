using Microsoft.Extensions.Options;

namespace K8sRelay.Engines.Redis;

/// <summary>Checks <see cref="RedisEngineOptions"/> at start so a bad address fails fast with a clear message.</summary>
public sealed class RedisEngineOptionsValidator : IValidateOptions<RedisEngineOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Address is null || options.Address.Count == 0)
        {
            failures.Add("engine.redis.address: at least one address is required.");
        }
        else
        {
            foreach (var address in options.Address)
            {
                try
                {
                    RedisAddressParser.Parse(address, options);
                }
                catch (FormatException e)
                {
                    failures.Add($"engine.redis.address '{address}': {e.Message}");
                }
            }
        }

        if (string.IsNullOrEmpty(options.Prefix))
        {
            failures.Add("engine.redis.prefix must not be empty.");
        }

        CheckPositive(options.PresenceTtl, "presence_ttl", failures);
        CheckPositive(options.HistoryMetaTtl, "history_meta_ttl", failures);
        CheckPositive(options.IdempotentResultTtl, "idempotent_result_ttl", failures);
        CheckPositive(options.ConnectTimeout, "connect_timeout", failures);
        CheckPositive(options.IoTimeout, "io_timeout", failures);
        CheckPositive(options.ReconnectCheckInterval, "reconnect_check_interval", failures);
        if (options.Db < 0)
        {
            failures.Add("engine.redis.db must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"engine.redis.{key} must be positive.");
        }
    }
}
