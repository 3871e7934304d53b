using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>
/// Builds the Secret &lt;name&gt;-auth with the generated values. Existing values are kept: a value is generated only
/// when its key is missing, or when a rotation is requested.
/// </summary>
public static class AuthSecretBuilder
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The Secret, or null when no value is generated.</summary>
    /// <param name="cluster">The RealtimeCluster.</param>
    /// <param name="existing">Data of the live Secret, or null when it does not exist.</param>
    /// <param name="rotate">Regenerate every generated value.</param>
    /// <param name="random">Source of random values; defaults to a cryptographic generator.</param>
    public static V1Secret? Build(V1Alpha1RealtimeCluster cluster, IDictionary<string, byte[]>? existing, bool rotate, Func<int, string>? random = null)
    {
        random ??= Generate;
        var names = new ClusterNames(cluster.Metadata.Name);
        var generated = AuthLayout.Of(cluster).Where(v => v.IsGenerated && v.SecretName == names.AuthSecret).ToList();
        if (generated.Count == 0)
        {
            return null;
        }

        var data = new Dictionary<string, byte[]>();
        foreach (var value in generated)
        {
            data[value.Key] = !rotate && existing is not null && existing.TryGetValue(value.Key, out var current) && current.Length > 0
                ? current
                : Encoding.UTF8.GetBytes(random(value.GeneratedLength!.Value));
        }

        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = OwnerReferences.ChildMetadata(cluster, names.AuthSecret, Labels.ServerComponent),
            Type = "Opaque",
            Data = data,
        };
    }

    private static string Generate(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
