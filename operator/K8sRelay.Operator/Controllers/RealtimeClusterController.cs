using k8s;
using k8s.Models;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Diagnostics;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.Runtime;
using K8sRelay.Operator.ServerApi;
using K8sRelay.Operator.ServerConfig;
using K8sRelay.Operator.Status;
using Microsoft.Extensions.Options;

namespace K8sRelay.Operator.Controllers;

/// <summary>
/// Reconciles one RealtimeCluster, level-based: every run recomputes the children from the spec and the cached
/// live objects, writes only what differs, then writes status only when it changed.
/// </summary>
public sealed partial class RealtimeClusterController(
    IKubernetes client,
    ChildWriter writer,
    RelayServerClient server,
    IServerEndpointResolver endpoints,
    OperatorMetrics metrics,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILogger<RealtimeClusterController> logger)
{
    private static readonly TimeSpan DrainPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MissingSecretRetry = TimeSpan.FromSeconds(30);

    /// <summary>Reconciles the RealtimeCluster <paramref name="key"/> against the caches of this leadership term.</summary>
    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, ClusterCaches caches, CancellationToken cancellationToken)
    {
        var cluster = caches.Clusters.Get(key.Namespace, key.Name);
        if (cluster is null || cluster.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var status = CloneStatus(cluster.Status);
        var now = time.GetUtcNow().UtcDateTime;
        var generation = cluster.Metadata.Generation;
        var conditions = status.Conditions ??= [];

        if (cluster.Metadata.Annotations?.TryGetValue(Labels.PauseAnnotation, out var paused) == true && paused == "true")
        {
            Log.Paused(logger, key.ToString());
            Conditions.Set(conditions, ConditionTypes.Paused, true, "PauseAnnotation", $"{Labels.PauseAnnotation} is \"true\"; no child is changed", generation, now);
            await WriteStatusAsync(cluster, status, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        Conditions.Set(conditions, ConditionTypes.Paused, false, "NotPaused", "", generation, now);
        var rendered = ServerConfigRenderer.Render(cluster);
        var errors = RealtimeClusterValidator.Validate(cluster.Spec).Concat(rendered.Errors).ToList();
        if (errors.Count > 0)
        {
            Log.InvalidSpec(logger, key.ToString(), string.Join("; ", errors));
            Conditions.Set(conditions, ConditionTypes.ConfigValid, false, "InvalidSpec", string.Join("; ", errors), generation, now);
            Conditions.Set(conditions, ConditionTypes.Ready, false, "InvalidSpec", "the spec is invalid; see ConfigValid", generation, now);
            Conditions.Set(conditions, ConditionTypes.Reconciled, false, "InvalidSpec", "no child was changed", generation, now);
            await WriteStatusAsync(cluster, status, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        Conditions.Set(conditions, ConditionTypes.ConfigValid, true, "Rendered", "", generation, now);

        var secrets = await ResolveSecretsAsync(cluster, caches, status, cancellationToken).ConfigureAwait(false);
        if (secrets.Missing is { } missing)
        {
            Conditions.Set(conditions, ConditionTypes.Reconciled, false, "SecretNotFound", missing, generation, now);
            Conditions.Set(conditions, ConditionTypes.Ready, false, "SecretNotFound", missing, generation, now);
            await WriteStatusAsync(cluster, status, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.After(MissingSecretRetry);
        }

        var ns = key.Namespace;
        var names = new ClusterNames(cluster.Metadata.Name);
        var deployment = caches.Deployments.Get(ns, names.Deployment);
        var pods = ServerPods(caches, cluster);
        var nodes = await ReadNodesAsync(cluster, deployment, secrets.ApiKey, cancellationToken).ConfigureAwait(false);
        var clients = (nodes ?? []).ToDictionary(n => n.Name, n => n.Clients, StringComparer.Ordinal);

        var plan = DrainPlanner.Plan(cluster.Spec.Replicas, deployment?.Spec?.Replicas, status.Drain,
            [.. pods.Select(p => p.Metadata.Name)], clients, cluster.Spec.ScaleDown, now);
        await StartDrainsAsync(cluster, pods, plan, clients, secrets.ApiKey, cancellationToken).ConfigureAwait(false);
        status.Drain = plan.Drain;
        Conditions.Set(conditions, ConditionTypes.Draining, plan.Drain is not null, plan.Drain is not null ? "ScaleDown" : "NoDrain",
            plan.Drain is null ? "" : $"draining {string.Join(", ", plan.Drain.Pods)} before scaling to {plan.Drain.TargetReplicas}", generation, now);

        var configHash = ConfigHash(rendered.Json, secrets.HashInput);
        var context = new ServerBuildContext(cluster, configHash, plan.DeploymentReplicas, options.Value.DefaultImageRepository, options.Value.DefaultServerVersion);
        var desired = DesiredChildren(context, rendered.Json, secrets.AuthSecret);
        foreach (var child in desired)
        {
            var kind = ChildWriter.KindOf(child);
            var live = child is V1Secret ? secrets.LiveAuthSecret : caches.Child(kind, ns, child.Metadata.Name);
            await writer.ApplyAsync(child, live, cancellationToken).ConfigureAwait(false);
        }

        await DeleteUnwantedAsync(cluster, caches, desired, cancellationToken).ConfigureAwait(false);

        status.ConfigHash = configHash;
        status.RotatedAt = secrets.RotatedAt;
        Conditions.Set(conditions, ConditionTypes.Reconciled, true, "Success", "", generation, now);
        UpdateObservedStatus(cluster, caches, status, nodes, now);
        await WriteStatusAsync(cluster, status, cancellationToken).ConfigureAwait(false);
        return plan.Drain is not null ? ReconcileResult.After(DrainPollInterval) : ReconcileResult.Done;
    }

    /// <summary>Records a failed reconciliation in the Reconciled condition, best effort.</summary>
    public async Task ReportFailureAsync(ObjectKey key, ClusterCaches caches, Exception error, CancellationToken cancellationToken)
    {
        var cluster = caches.Clusters.Get(key.Namespace, key.Name);
        if (cluster is null)
        {
            return;
        }

        var status = CloneStatus(cluster.Status);
        Conditions.Set(status.Conditions ??= [], ConditionTypes.Reconciled, false, "Error", error.Message, cluster.Metadata.Generation, time.GetUtcNow().UtcDateTime);
        try
        {
            await WriteStatusAsync(cluster, status, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StatusWriteFailed(logger, key.ToString(), e);
        }
    }

    private static List<V1Pod> ServerPods(ClusterCaches caches, V1Alpha1RealtimeCluster cluster) =>
    [
        .. caches.Pods.List(cluster.Metadata.NamespaceProperty, p =>
            p.Metadata.DeletionTimestamp is null
            && p.Metadata.Labels.ValueOrDefault(Labels.Cluster) == cluster.Metadata.Name
            && p.Metadata.Labels.ValueOrDefault(Labels.Component) == Labels.ServerComponent),
    ];

    private async Task<IReadOnlyList<ServerNodeInfo>?> ReadNodesAsync(V1Alpha1RealtimeCluster cluster, V1Deployment? deployment, string? apiKey, CancellationToken cancellationToken)
    {
        if (apiKey is null || deployment?.Status?.ReadyReplicas is not > 0)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ServerApiTimeout);
        try
        {
            return await server.InfoAsync(endpoints.ForCluster(cluster), apiKey, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            Log.ServerInfoFailed(logger, cluster.Metadata.Name, e);
            return null;
        }
    }
}
