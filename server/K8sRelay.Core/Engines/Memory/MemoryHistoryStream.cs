namespace K8sRelay.Core.Engines.Memory;

/// <summary>
/// One channel's history stream: a ring buffer of the newest publications plus the top offset and epoch.
/// Offsets in the buffer are always consecutive (each added publication gets top + 1, trimming drops the
/// oldest, clearing drops all), which lets reads index straight to a position.
/// Not thread-safe: the owner guards each stream with its channel lock.
/// </summary>
internal sealed class MemoryHistoryStream
{
    private Publication[] _items = [];
    private int _head;
    private int _count;

    public MemoryHistoryStream(string epoch) => Epoch = epoch;

    /// <summary>Identity of this stream incarnation.</summary>
    public string Epoch { get; }

    /// <summary>Offset of the newest publication ever added (0 before the first).</summary>
    public ulong TopOffset { get; private set; }

    /// <summary>Unix milliseconds at which the publications expire (0 = nothing stored).</summary>
    public long DataExpiresAt { get; set; }

    /// <summary>Unix milliseconds at which the whole stream, meta included, is forgotten.</summary>
    public long MetaExpiresAt { get; set; }

    /// <summary>Number of stored publications.</summary>
    public int Count => _count;

    /// <summary>Current position of the stream.</summary>
    public StreamPosition Position => new(TopOffset, Epoch);

    /// <summary>Offset the next added publication must carry.</summary>
    public ulong NextOffset => TopOffset + 1;

    /// <summary>The newest stored publication, or null when none is stored.</summary>
    public Publication? Newest => _count == 0 ? null : _items[(_head + _count - 1) % _items.Length];

    /// <summary>Appends <paramref name="publication"/> (whose offset must be <see cref="NextOffset"/>) and keeps at most <paramref name="size"/> publications.</summary>
    public void Add(Publication publication, int size)
    {
        if (_items.Length != size)
        {
            Resize(size);
        }

        if (_count == _items.Length)
        {
            _items[_head] = publication;
            _head = (_head + 1) % _items.Length;
        }
        else
        {
            _items[(_head + _count) % _items.Length] = publication;
            _count++;
        }

        TopOffset = publication.Offset;
    }

    /// <summary>Drops every stored publication; the top offset and epoch stay.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
        DataExpiresAt = 0;
    }

    /// <summary>
    /// Copies the publications a filter selects, in the order it asks for. Forward: offsets greater than
    /// <paramref name="since"/> (all when null), oldest first. Reverse: offsets less than <paramref name="since"/>
    /// (all when null), newest first. <paramref name="limit"/>: 0 none, negative all, positive at most that many.
    /// </summary>
    public Publication[] Read(ulong? since, int limit, bool reverse)
    {
        if (_count == 0 || limit == 0)
        {
            return [];
        }

        var oldest = TopOffset - (ulong)_count + 1;
        if (!reverse)
        {
            var start = 0;
            if (since is { } s)
            {
                if (s >= TopOffset)
                {
                    return [];
                }

                start = s < oldest ? 0 : (int)(s + 1 - oldest);
            }

            var n = _count - start;
            if (limit > 0 && limit < n)
            {
                n = limit;
            }

            var result = new Publication[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = At(start + i);
            }

            return result;
        }
        else
        {
            var end = _count - 1;
            if (since is { } s)
            {
                if (s <= oldest)
                {
                    return [];
                }

                end = s > TopOffset ? _count - 1 : (int)(s - 1 - oldest);
            }

            var n = end + 1;
            if (limit > 0 && limit < n)
            {
                n = limit;
            }

            var result = new Publication[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = At(end - i);
            }

            return result;
        }
    }

    private Publication At(int index) => _items[(_head + index) % _items.Length];

    private void Resize(int size)
    {
        var keep = Math.Min(_count, size);
        var items = new Publication[size];
        for (var i = 0; i < keep; i++)
        {
            items[i] = At(_count - keep + i);
        }

        _items = items;
        _head = 0;
        _count = keep;
    }
}
