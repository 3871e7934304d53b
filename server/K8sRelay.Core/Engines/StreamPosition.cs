namespace K8sRelay.Core.Engines;

/// <summary>A position in a channel's history stream: the offset of a publication and the stream's epoch.</summary>
/// <param name="Offset">Offset of the publication (1 is the first); 0 for an empty stream.</param>
/// <param name="Epoch">Opaque stream identity; changes when the stream is lost and recreated.</param>
public readonly record struct StreamPosition(ulong Offset, string Epoch);
