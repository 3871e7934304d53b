namespace K8sRelay.Server.Diagnostics;

/// <summary>The answer of <c>POST /api/drain</c>, in the server API's envelope.</summary>
/// <param name="Result">What the drain covers.</param>
internal sealed record DrainResponse(DrainResult Result);
