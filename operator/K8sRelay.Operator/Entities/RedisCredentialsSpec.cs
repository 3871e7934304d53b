using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>Reference to a Secret in the cluster's namespace that holds Redis credentials.</summary>
public sealed class RedisCredentialsSpec
{
    /// <summary>Name of the Secret.</summary>
    [MinLength(1)]
    public string Name { get; set; } = "";

    /// <summary>Key of the username; empty means no username (default user).</summary>
    public string? UsernameKey { get; set; }

    /// <summary>Key of the password.</summary>
    public string PasswordKey { get; set; } = "password";

    /// <summary>Key of the Sentinel password, when the sentinels require one.</summary>
    public string? SentinelPasswordKey { get; set; }
}
