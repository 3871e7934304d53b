using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Controllers;

/// <summary>
/// The CRD's CEL rules again, in C#: the operator refuses a spec that an API server without CEL support (or an
/// object stored before a rule existed) let through, and explains why in the ConfigValid condition.
/// </summary>
public static class RealtimeClusterValidator
{
    /// <summary>Readable problems of the spec; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(RealtimeClusterSpec spec)
    {
        var errors = new List<string>();
        var memory = spec.Engine.Type == EngineType.Memory;
        if (memory && spec.Replicas > 1)
        {
            errors.Add("spec.replicas: the Memory engine supports one replica only; use engine.type Redis to run more");
        }

        if (memory && spec.Autoscaling.Enabled)
        {
            errors.Add("spec.autoscaling: autoscaling needs the Redis engine");
        }

        if (spec.Autoscaling.Enabled && spec.Autoscaling.MinReplicas > spec.Autoscaling.MaxReplicas)
        {
            errors.Add("spec.autoscaling: minReplicas must not exceed maxReplicas");
        }

        if (spec.PodDisruptionBudget.MinAvailable is not null && spec.PodDisruptionBudget.MaxUnavailable is not null)
        {
            errors.Add("spec.podDisruptionBudget: set at most one of minAvailable or maxUnavailable");
        }

        CheckSource(errors, "spec.auth.tokenHmacSecret", spec.Auth.TokenHmacSecret);
        CheckSource(errors, "spec.auth.apiKey", spec.Auth.ApiKey);
        CheckSource(errors, "spec.auth.admin.password", spec.Auth.Admin.Password);
        CheckSource(errors, "spec.auth.admin.secret", spec.Auth.Admin.Secret);

        if (spec.Engine.Type == EngineType.Redis)
        {
            CheckRedis(errors, spec.Engine.Redis);
        }

        return errors;
    }

    private static void CheckRedis(List<string> errors, RedisSpec? redis)
    {
        if (redis is null)
        {
            errors.Add("spec.engine.redis: required when engine.type is Redis");
            return;
        }

        if (redis.Mode == RedisMode.External)
        {
            var external = redis.External;
            var blocks = external is null ? 0 : (external.Addresses is { Count: > 0 } ? 1 : 0) + (external.Sentinel is not null ? 1 : 0) + (external.Cluster is not null ? 1 : 0);
            if (blocks != 1)
            {
                errors.Add("spec.engine.redis.external: set exactly one of addresses, sentinel or cluster");
            }
        }
        else if (redis.External is not null)
        {
            errors.Add("spec.engine.redis.external: must be empty when mode is Managed");
        }
    }

    private static void CheckSource(List<string> errors, string path, SecretSourceSpec source)
    {
        if (source.Generate is not null && source.SecretKeyRef is not null)
        {
            errors.Add($"{path}: set at most one of generate or secretKeyRef");
        }
    }
}
