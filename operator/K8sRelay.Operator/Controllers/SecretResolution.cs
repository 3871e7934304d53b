using k8s.Models;

namespace K8sRelay.Operator.Controllers;

/// <summary>The secrets of one reconciliation.</summary>
/// <param name="AuthSecret">The generated Secret to apply, or null when nothing is generated.</param>
/// <param name="LiveAuthSecret">The generated Secret as read from the API, or null.</param>
/// <param name="ApiKey">The server API key, for info and drain calls.</param>
/// <param name="HashInput">Digest of every secret value the pods use; part of the config hash.</param>
/// <param name="Missing">A readable reason when a referenced Secret or key does not exist.</param>
/// <param name="RotatedAt">The rotation request the generated values correspond to.</param>
public sealed record SecretResolution(V1Secret? AuthSecret, V1Secret? LiveAuthSecret, string? ApiKey, string HashInput, string? Missing, string? RotatedAt);
