namespace K8sRelay.Core.Engines;

/// <summary>Publications from a channel's history plus the stream's current top position.</summary>
/// <param name="Position">Offset of the latest publication and the current epoch.</param>
/// <param name="Publications">Publications matching the filter, in the requested order.</param>
public sealed record HistoryResult(StreamPosition Position, IReadOnlyList<Publication> Publications);
