using System.Text.Json.Serialization;

namespace K8sRelay.Server.Health;

/// <summary>The body of <c>GET /ready</c>: <c>{"status":"ready"}</c>, or <c>not_ready</c> with the failing checks.</summary>
/// <param name="Status"><c>ready</c> or <c>not_ready</c>.</param>
/// <param name="Failing">Each failing check with its description; omitted when ready.</param>
internal sealed record ReadinessReport(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Failing);
