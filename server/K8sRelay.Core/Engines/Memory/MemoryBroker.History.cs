using K8sRelay.Protocol;

namespace K8sRelay.Core.Engines.Memory;

/// <summary>History reads and expiry of <see cref="MemoryBroker"/>.</summary>
public sealed partial class MemoryBroker
{
    /// <summary>Number of streams held, including ones whose publications expired (for tests and diagnostics).</summary>
    internal int StreamCount => _streams.Count;

    /// <summary>Number of remembered idempotent publish results (for tests and diagnostics).</summary>
    internal int IdempotentResultCount => _idempotentResults.Count;

    /// <inheritdoc />
    /// <remarks>
    /// Creates the stream meta (a new epoch at offset 0) when the channel has none, and extends the meta's
    /// lifetime by <see cref="HistoryOptions.MetaTtl"/> (or the engine default). A <see cref="HistoryFilter.Since"/>
    /// with an empty epoch matches any epoch.
    /// </remarks>
    public ValueTask<HistoryResult> HistoryAsync(string channel, HistoryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        cancellationToken.ThrowIfCancellationRequested();

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var filter = options.Filter;
        lock (_locks.For(channel))
        {
            var stream = GetLiveStream(channel, now, create: true)!;
            var metaTtl = options.MetaTtl > TimeSpan.Zero ? options.MetaTtl : _options.HistoryMetaTtl;
            stream.MetaExpiresAt = Math.Max(stream.MetaExpiresAt, now + (long)metaTtl.TotalMilliseconds);

            if (filter.Since is { } since && since.Epoch.Length > 0 && !string.Equals(since.Epoch, stream.Epoch, StringComparison.Ordinal))
            {
                throw new ProtocolErrorException(ProtocolError.UnrecoverablePosition);
            }

            var publications = stream.Read(filter.Since?.Offset, filter.Limit, filter.Reverse);
            return ValueTask.FromResult(new HistoryResult(stream.Position, publications));
        }
    }

    /// <inheritdoc />
    public ValueTask RemoveHistoryAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_locks.For(channel))
        {
            GetLiveStream(channel, now, create: false)?.Clear();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Returns the channel's stream after applying expiry: a stream past its meta TTL is dropped, one past its
    /// history TTL is emptied. Creates a stream with a new epoch when asked. Call with the channel's lock held.
    /// </summary>
    private MemoryHistoryStream? GetLiveStream(string channel, long now, bool create)
    {
        if (_streams.TryGetValue(channel, out var stream))
        {
            if (now >= stream.MetaExpiresAt)
            {
                _streams.TryRemove(channel, out _);
                stream = null;
            }
            else if (stream.Count > 0 && now >= stream.DataExpiresAt)
            {
                stream.Clear();
            }
        }

        if (stream is null && create)
        {
            // The caller sets the meta expiry right away, under the same lock.
            stream = new MemoryHistoryStream(StreamEpoch.NewEpoch());
            _streams[channel] = stream;
        }

        return stream;
    }

    /// <summary>Timer callback: frees expired streams, stream contents and idempotency results.</summary>
    private void RemoveExpired()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (channel, stream) in _streams)
        {
            if (now >= stream.MetaExpiresAt || (stream.Count > 0 && now >= stream.DataExpiresAt))
            {
                lock (_locks.For(channel))
                {
                    GetLiveStream(channel, now, create: false);
                }
            }
        }

        foreach (var entry in _idempotentResults)
        {
            if (now >= entry.Value.ExpiresAt)
            {
                // Removes only if no newer result replaced it meanwhile.
                _idempotentResults.TryRemove(entry);
            }
        }
    }
}
