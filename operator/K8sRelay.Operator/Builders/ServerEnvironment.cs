using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>Environment of the server container: node name from the pod name, and every secret from a Secret key.</summary>
public static class ServerEnvironment
{
    /// <summary>The environment variables.</summary>
    public static List<V1EnvVar> Build(V1Alpha1RealtimeCluster cluster)
    {
        var env = new List<V1EnvVar>
        {
            new() { Name = "CENTRIFUGO_NODE_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
        };
        env.AddRange(AuthLayout.Of(cluster).Select(value => FromSecret(value.EnvironmentVariable, value.SecretName, value.Key)));

        var redis = cluster.Spec.Engine.Redis;
        if (cluster.Spec.Engine.Type == EngineType.Redis && redis?.Mode == RedisMode.External && redis.External?.CredentialsSecretRef is { } credentials)
        {
            if (!string.IsNullOrEmpty(credentials.UsernameKey))
            {
                env.Add(FromSecret("CENTRIFUGO_ENGINE_REDIS_USER", credentials.Name, credentials.UsernameKey));
            }

            env.Add(FromSecret("CENTRIFUGO_ENGINE_REDIS_PASSWORD", credentials.Name, credentials.PasswordKey));
            if (!string.IsNullOrEmpty(credentials.SentinelPasswordKey))
            {
                env.Add(FromSecret("CENTRIFUGO_ENGINE_REDIS_SENTINEL_PASSWORD", credentials.Name, credentials.SentinelPasswordKey));
            }
        }

        return env;
    }

    private static V1EnvVar FromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };
}
