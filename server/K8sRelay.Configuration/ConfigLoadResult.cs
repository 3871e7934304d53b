using K8sRelay.Configuration.Model;

namespace K8sRelay.Configuration;

/// <summary>A loaded and validated configuration with the warnings found on the way.</summary>
/// <param name="Config">The configuration: defaults, then the file, then environment variables, then flags.</param>
/// <param name="Warnings">Non-fatal findings: unknown keys in the file, unknown environment variables, ignored Centrifugo options.</param>
/// <param name="FilePath">The file that was read, or null when none was.</param>
public sealed record ConfigLoadResult(RelayConfig Config, IReadOnlyList<string> Warnings, string? FilePath);
