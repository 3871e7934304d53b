using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using K8sRelay.Operator.Diagnostics;
using Microsoft.Extensions.Options;

namespace K8sRelay.Operator.Runtime;

/// <summary>
/// The operator's background service: campaigns for the leader Lease and runs a <see cref="ControllerTerm"/> while
/// it leads. Without leader election it leads from the start. Stopping the host ends the term gracefully.
/// </summary>
public sealed partial class OperatorHost(
    IKubernetes client,
    ControllerTerm term,
    OperatorMetrics metrics,
    IOptions<OperatorOptions> options,
    ILogger<OperatorHost> logger) : BackgroundService
{
    private volatile bool _leading;

    /// <summary>True while this instance leads and reconciles.</summary>
    public bool IsLeader => _leading;

    /// <summary>True when this instance can serve: a standby, or a leader whose caches are filled.</summary>
    public bool IsReady => !_leading || term.Caches?.HasSynced == true;

    /// <summary>This instance's identity in the Lease.</summary>
    public string Identity { get; } = options.Value.LeaderElection.Identity is { Length: > 0 } id ? id
        : Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod
        : $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var election = options.Value.LeaderElection;
        if (!election.Enabled)
        {
            SetLeading(true);
            await term.RunAsync(stoppingToken).ConfigureAwait(false);
            SetLeading(false);
            return;
        }

        var leaseNamespace = election.LeaseNamespace is { Length: > 0 } ns ? ns : Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } podNs ? podNs : "default";
        while (!stoppingToken.IsCancellationRequested)
        {
            using var termCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var config = new LeaderElectionConfig(new LeaseLock(client, leaseNamespace, election.LeaseName, Identity))
            {
                LeaseDuration = election.LeaseDuration,
                RenewDeadline = election.RenewDeadline,
                RetryPeriod = election.RetryPeriod,
            };
            using var elector = new LeaderElector(config);
            Task running = Task.CompletedTask;
            elector.OnStartedLeading += () =>
            {
                SetLeading(true);
                Log.Acquired(logger, Identity);
                running = term.RunAsync(termCancel.Token);
            };
            elector.OnStoppedLeading += () =>
            {
                SetLeading(false);
                Log.Lost(logger, Identity);
                termCancel.Cancel();
            };
            elector.OnNewLeader += leader => Log.NewLeader(logger, leader);
            elector.OnError += e => Log.ElectionError(logger, e);
            try
            {
                await elector.RunUntilLeadershipLostAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }

            await termCancel.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
            SetLeading(false);
        }
    }

    private void SetLeading(bool leading)
    {
        _leading = leading;
        metrics.Leading(leading);
    }
}
