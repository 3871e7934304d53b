using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Controllers;

/// <summary>
/// Connection-aware scale-down as a pure decision. When desired replicas drop below the Deployment's, the pods with
/// the fewest connections are picked and drained first; the Deployment keeps its replicas until those pods report
/// no clients or the drain timeout passes, then it scales down and removes exactly those pods (they carry the lowest
/// pod-deletion-cost). A new desired count restarts the decision; scaling up cancels a drain.
/// </summary>
public static class DrainPlanner
{
    /// <summary>Plans this reconciliation.</summary>
    /// <param name="desired">spec.replicas.</param>
    /// <param name="current">The Deployment's spec.replicas, or null when it does not exist yet.</param>
    /// <param name="inProgress">The drain recorded in status, if any.</param>
    /// <param name="pods">Names of the running server pods.</param>
    /// <param name="clients">Connected clients per pod name, as far as known.</param>
    /// <param name="spec">Scale-down settings.</param>
    /// <param name="now">Current time.</param>
    public static DrainPlan Plan(int desired, int? current, DrainStatus? inProgress, IReadOnlyList<string> pods,
        IReadOnlyDictionary<string, long> clients, ScaleDownSpec spec, DateTime now)
    {
        if (current is not { } live || desired >= live || spec.Policy == ScaleDownPolicy.Default)
        {
            return new DrainPlan(desired, null, [], Finished: false);
        }

        if (inProgress is not null && inProgress.TargetReplicas == desired)
        {
            var remaining = inProgress.Pods.Where(p => pods.Contains(p) && clients.GetValueOrDefault(p) > 0).ToList();
            var timedOut = now - inProgress.StartedAt >= TimeSpan.FromSeconds(spec.DrainTimeoutSeconds);
            return remaining.Count == 0 || timedOut
                ? new DrainPlan(desired, null, [], Finished: true)
                : new DrainPlan(live, inProgress, [], Finished: false);
        }

        var victims = pods
            .OrderBy(p => clients.GetValueOrDefault(p))
            .ThenByDescending(p => p, StringComparer.Ordinal)
            .Take(live - desired)
            .ToList();
        var drain = new DrainStatus { TargetReplicas = desired, Pods = victims, StartedAt = now };
        return new DrainPlan(live, drain, victims, Finished: false);
    }
}
