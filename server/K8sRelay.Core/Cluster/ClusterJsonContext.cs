using System.Text.Json.Serialization;

namespace K8sRelay.Core.Cluster;

/// <summary>Source-generated JSON for control messages between nodes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ClusterMessage))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
