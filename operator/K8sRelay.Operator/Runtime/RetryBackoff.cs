using System.Collections.Concurrent;

namespace K8sRelay.Operator.Runtime;

/// <summary>Per-key exponential retry delays: each consecutive failure of a key doubles its delay up to a cap.</summary>
/// <param name="min">Delay after the first failure.</param>
/// <param name="max">Largest delay.</param>
public sealed class RetryBackoff(TimeSpan min, TimeSpan max)
{
    private readonly ConcurrentDictionary<ObjectKey, int> _failures = new();

    /// <summary>Records a failure of <paramref name="key"/> and returns how long to wait before retrying it.</summary>
    public TimeSpan Next(ObjectKey key) => Backoff.Exponential(min, max, _failures.AddOrUpdate(key, 1, (_, n) => n + 1));

    /// <summary>Consecutive failures of a key.</summary>
    public int Failures(ObjectKey key) => _failures.GetValueOrDefault(key);

    /// <summary>Forgets the failures of a key after a success.</summary>
    public void Forget(ObjectKey key) => _failures.TryRemove(key, out _);
}
