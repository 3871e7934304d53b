using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.Runtime;

namespace K8sRelay.Operator.Controllers;

public sealed partial class RealtimeClusterController
{
    /// <summary>Annotation on the generated Secret: the rotation request its values answer.</summary>
    public const string RotatedAtAnnotation = "k8srelay.io/rotated-at";

    private async Task<SecretResolution> ResolveSecretsAsync(V1Alpha1RealtimeCluster cluster, ClusterCaches caches, RealtimeClusterStatus status, CancellationToken cancellationToken)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var names = new ClusterNames(cluster.Metadata.Name);

        // Read the generated Secret from the API, not the cache: a stale cache right after a rotation would rotate twice.
        var live = await ReadSecretAsync(ns, names.AuthSecret, cancellationToken).ConfigureAwait(false);
        var requested = cluster.Spec.Auth.Rotation.RequestedAt;
        var answered = live?.Metadata.Annotations.ValueOrDefault(RotatedAtAnnotation);
        var rotate = live is not null && !string.IsNullOrEmpty(requested) && requested != answered;
        var authSecret = AuthSecretBuilder.Build(cluster, live?.Data, rotate);
        var rotatedAt = string.IsNullOrEmpty(requested) ? answered : requested;
        if (authSecret is not null && !string.IsNullOrEmpty(rotatedAt))
        {
            authSecret.Metadata.Annotations = new Dictionary<string, string> { [RotatedAtAnnotation] = rotatedAt };
        }

        var digest = new StringBuilder();
        string? apiKey = null;
        var referenced = new Dictionary<string, V1Secret?>(StringComparer.Ordinal);
        var needed = AuthLayout.Of(cluster).Select(v => (v.EnvironmentVariable, v.SecretName, v.Key)).ToList();
        if (cluster.Spec.Engine.Redis?.External?.CredentialsSecretRef is { } credentials && cluster.Spec.Engine.Type == EngineType.Redis && cluster.Spec.Engine.Redis.Mode == RedisMode.External)
        {
            needed.Add(("REDIS_PASSWORD", credentials.Name, credentials.PasswordKey));
        }

        foreach (var (env, secretName, key) in needed)
        {
            byte[]? value;
            if (authSecret is not null && secretName == names.AuthSecret)
            {
                value = authSecret.Data.ValueOrDefault(key);
            }
            else
            {
                if (!referenced.TryGetValue(secretName, out var secret))
                {
                    secret = referenced[secretName] = await ReadSecretAsync(ns, secretName, cancellationToken).ConfigureAwait(false);
                }

                value = secret?.Data.ValueOrDefault(key);
            }

            if (value is null)
            {
                return new SecretResolution(null, live, null, "", $"Secret {secretName} with key {key} (for {env}) does not exist", status.RotatedAt);
            }

            if (env == "CENTRIFUGO_HTTP_API_KEY")
            {
                apiKey = Encoding.UTF8.GetString(value);
            }

            digest.Append(env).Append('=').Append(Convert.ToHexString(SHA256.HashData(value))).Append('\n');
        }

        return new SecretResolution(authSecret, live, apiKey, digest.ToString(), null, rotatedAt);
    }

    private async Task<V1Secret?> ReadSecretAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private static string ConfigHash(string configJson, string secretDigest) =>
        "sha256-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(configJson + "\n" + secretDigest)))[..16].ToLowerInvariant();

    private static List<IKubernetesObject<V1ObjectMeta>> DesiredChildren(ServerBuildContext context, string configJson, V1Secret? authSecret)
    {
        var cluster = context.Cluster;
        var children = new List<IKubernetesObject<V1ObjectMeta>>
        {
            ConfigMapBuilder.Build(cluster, configJson),
            ServerServiceBuilder.Client(cluster),
            ServerServiceBuilder.Internal(cluster),
        };
        children.AddRange(RedisBuilder.Build(cluster));
        children.Add(ServerDeploymentBuilder.Build(context));
        if (DisruptionBudgetBuilder.Build(cluster) is { } budget)
        {
            children.Add(budget);
        }

        if (AutoscalerBuilder.Build(cluster) is { } autoscaler)
        {
            children.Add(autoscaler);
        }

        if (authSecret is not null)
        {
            children.Insert(0, authSecret);
        }

        return children;
    }

    private async Task DeleteUnwantedAsync(V1Alpha1RealtimeCluster cluster, ClusterCaches caches, List<IKubernetesObject<V1ObjectMeta>> desired, CancellationToken cancellationToken)
    {
        var wanted = desired.Select(d => (d.Kind, d.Metadata.Name)).ToHashSet();
        foreach (var owned in caches.OwnedBy(cluster).ToList())
        {
            var kind = ChildWriter.KindOf(owned);
            if (kind != ResourceKind.Secret && !wanted.Contains((kind.Kind, owned.Metadata.Name)))
            {
                await writer.DeleteAsync(kind, owned.Metadata.NamespaceProperty, owned.Metadata.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
