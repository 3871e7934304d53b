namespace K8sRelay.Core.Engines;

/// <summary>Which publications a history call returns.</summary>
/// <param name="Since">Return publications after this position (before it when <paramref name="Reverse"/>); null = from the start (or the end when reversed).</param>
/// <param name="Limit">0 = none (position only); -1 = all; positive = at most that many.</param>
/// <param name="Reverse">Newest first.</param>
public readonly record struct HistoryFilter(StreamPosition? Since, int Limit, bool Reverse);
