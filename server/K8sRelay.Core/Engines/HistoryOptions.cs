namespace K8sRelay.Core.Engines;

/// <summary>Options of a history read.</summary>
/// <param name="Filter">What to return.</param>
/// <param name="MetaTtl">Stream meta TTL to apply if the call creates the stream meta; zero = engine default.</param>
public readonly record struct HistoryOptions(HistoryFilter Filter, TimeSpan MetaTtl = default);
