using K8sRelay.Core.Node;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8sRelay.Server.Health;

/// <summary>
/// Not ready while the engine cannot be reached: asks the presence manager for the stats of a channel no client
/// uses (a read that touches the engine's storage, which for Redis shares the broker's connections) and fails
/// when that errors or takes longer than <see cref="Timeout"/>. The memory engine always answers.
/// </summary>
internal sealed partial class EngineReadinessCheck : IHealthCheck
{
    /// <summary>The channel read by the probe; its name cannot collide with a client channel that is in use.</summary>
    public const string ProbeChannel = "__k8srelay_readiness_probe";

    /// <summary>Longest wait for the engine's answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly RelayNode _node;
    private readonly ILogger<EngineReadinessCheck> _logger;

    public EngineReadinessCheck(RelayNode node, ILogger<EngineReadinessCheck> logger)
    {
        _node = node;
        _logger = logger;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await _node.Presence.PresenceStatsAsync(ProbeChannel, timeout.Token).AsTask().WaitAsync(Timeout, _node.Time, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.EngineUnreachable(_logger, ex.GetType().Name, ex.Message);
            return HealthCheckResult.Unhealthy("the engine cannot be reached");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(6202, LogLevel.Warning, "Not ready: the engine did not answer the readiness probe ({Error}: {Message})")]
        public static partial void EngineUnreachable(ILogger logger, string error, string message);
    }
}
