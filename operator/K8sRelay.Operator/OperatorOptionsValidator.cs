using Microsoft.Extensions.Options;

namespace K8sRelay.Operator;

/// <summary>Rejects operator settings that cannot work.</summary>
public sealed class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var errors = new List<string>();
        if (options.Workers is < 1 or > 64)
        {
            errors.Add("Operator:Workers must be between 1 and 64.");
        }

        if (options.ResyncPeriod <= TimeSpan.Zero || options.WatchTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add("Operator:ResyncPeriod must be positive and Operator:WatchTimeout at least one second.");
        }

        if (options.RetryMinDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryMinDelay)
        {
            errors.Add("Operator:RetryMinDelay must be positive and not above Operator:RetryMaxDelay.");
        }

        var election = options.LeaderElection;
        if (election.Enabled && !(election.RetryPeriod < election.RenewDeadline && election.RenewDeadline < election.LeaseDuration))
        {
            errors.Add("Operator:LeaderElection needs RetryPeriod < RenewDeadline < LeaseDuration.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultImageRepository))
        {
            errors.Add("Operator:DefaultImageRepository must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
