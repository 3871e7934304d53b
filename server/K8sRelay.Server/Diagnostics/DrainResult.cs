namespace K8sRelay.Server.Diagnostics;

/// <summary>The <c>result</c> of <c>POST /api/drain</c>.</summary>
/// <param name="Clients">Clients connected when the drain was asked for.</param>
/// <param name="GraceMs">Milliseconds the node still accepts connections.</param>
/// <param name="PeriodMs">Milliseconds over which the disconnects are spread.</param>
internal sealed record DrainResult(int Clients, long GraceMs, long PeriodMs);
