using System.Text.Json.Serialization;

namespace K8sRelay.Server.Diagnostics;

/// <summary>Source-generated JSON for the answers of the drain and readiness endpoints.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DrainResponse))]
[JsonSerializable(typeof(Health.ReadinessReport))]
internal sealed partial class DiagnosticsJsonContext : JsonSerializerContext;
