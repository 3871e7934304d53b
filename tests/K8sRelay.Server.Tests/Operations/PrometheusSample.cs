namespace K8sRelay.Server.Tests.Operations;

/// <summary>One sample of a scrape.</summary>
/// <param name="Name">Metric name as exposed.</param>
/// <param name="Labels">Label names and values.</param>
/// <param name="Value">The number.</param>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
