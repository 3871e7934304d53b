using K8sRelay.Core.Node;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace K8sRelay.Server.Health;

/// <summary>Not ready from the moment the node starts draining or shutting down: no new traffic should reach it.</summary>
internal sealed class DrainReadinessCheck : IHealthCheck
{
    private readonly RelayNode _node;

    public DrainReadinessCheck(RelayNode node) => _node = node;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_node.IsDraining || _node.IsShuttingDown
            ? HealthCheckResult.Unhealthy("the node is draining")
            : HealthCheckResult.Healthy());
}
