namespace K8sRelay.Core.Engines;

/// <summary>Options of a history read.</summary>
/// <param name="Filter">What to return.</param>
/// <param name="MetaTtl">
/// Stream meta TTL to apply if the call creates the stream meta; zero = engine default. The built-in engines
/// also extend an existing meta's lifetime by this TTL on every read, as Centrifugo's Redis engine does.
/// </param>
public readonly record struct HistoryOptions(HistoryFilter Filter, TimeSpan MetaTtl = default);
