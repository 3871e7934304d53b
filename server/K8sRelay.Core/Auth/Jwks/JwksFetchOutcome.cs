namespace K8sRelay.Core.Auth.Jwks;

/// <summary>What a request to refresh a key set led to.</summary>
internal enum JwksFetchOutcome
{
    /// <summary>A fresh set was downloaded.</summary>
    Fetched,

    /// <summary>No download: the last one (which succeeded) is too recent.</summary>
    RateLimited,

    /// <summary>The download failed now, or failed last time and is too recent to retry.</summary>
    Failed,
}
