namespace K8sRelay.Core.Engines;

/// <summary>Creates stream epochs: the identity string of one incarnation of a channel's history stream.</summary>
public static class StreamEpoch
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Length of every epoch this class creates (Centrifugo's memory engine uses 8 letters too).</summary>
    public const int Length = 8;

    /// <summary>Returns a new random epoch of <see cref="Length"/> ASCII letters. Thread-safe.</summary>
    public static string NewEpoch() =>
        string.Create(Length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[Random.Shared.Next(Letters.Length)];
            }
        });
}
