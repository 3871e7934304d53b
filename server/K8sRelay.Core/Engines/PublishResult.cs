namespace K8sRelay.Core.Engines;

/// <summary>The outcome of a publish.</summary>
/// <param name="Position">Stream position given to the publication (offset 0 and empty epoch without history).</param>
/// <param name="Suppressed">True when an idempotency key matched and nothing was published again.</param>
public readonly record struct PublishResult(StreamPosition Position, bool Suppressed = false);
