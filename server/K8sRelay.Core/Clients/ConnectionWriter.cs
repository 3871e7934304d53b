using System.Collections.Concurrent;
using K8sRelay.Core.Diagnostics;

namespace K8sRelay.Core.Clients;

/// <summary>
/// The outgoing queue of one connection: bounded by bytes, drained by a single writer loop that is
/// scheduled on the thread pool only while there is something to write (an idle connection holds no
/// task and no buffer). All messages queued while a write is in flight go out together in the next
/// write, so bursts coalesce into few frames and few syscalls.
/// </summary>
internal sealed class ConnectionWriter : IThreadPoolWorkItem
{
    private const int MaxMessagesPerWrite = 256;

    private readonly ConcurrentQueue<(byte[] Message, FrameType Type)> _queue = new();
    private readonly Func<IReadOnlyList<byte[]>, IReadOnlyList<FrameType>, ValueTask> _write;
    private readonly Action<Exception> _onWriteError;
    private readonly long _maxQueuedBytes;
    private long _queuedBytes;
    private int _scheduled;
    private volatile bool _closed;

    /// <param name="write">Writes one batch (the messages and, in the same order, what each is); never called concurrently.</param>
    /// <param name="onWriteError">Called once when a write fails.</param>
    /// <param name="maxQueuedBytes">Queue bound in bytes; a message that would exceed it is refused.</param>
    public ConnectionWriter(Func<IReadOnlyList<byte[]>, IReadOnlyList<FrameType>, ValueTask> write, Action<Exception> onWriteError, long maxQueuedBytes)
    {
        _write = write;
        _onWriteError = onWriteError;
        _maxQueuedBytes = maxQueuedBytes;
    }

    /// <summary>Bytes waiting to be written.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>
    /// Queues a message. Returns false when the queue bound would be exceeded (a slow client)
    /// or the writer is closed; the caller then disconnects the client.
    /// </summary>
    public bool Enqueue(byte[] message, FrameType type)
    {
        if (_closed)
        {
            return false;
        }

        var total = Interlocked.Add(ref _queuedBytes, message.Length);
        if (_maxQueuedBytes > 0 && total > _maxQueuedBytes && total != message.Length)
        {
            Interlocked.Add(ref _queuedBytes, -message.Length);
            return false;
        }

        _queue.Enqueue((message, type));
        Schedule();
        return true;
    }

    /// <summary>Stops accepting messages; queued ones are dropped.</summary>
    public void Close() => _closed = true;

    /// <summary>Waits until everything queued so far was written, or the timeout passes.</summary>
    public async Task FlushAsync(TimeSpan timeout, TimeProvider time)
    {
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while ((!_queue.IsEmpty || Volatile.Read(ref _scheduled) == 1) && time.GetTimestamp() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), time).ConfigureAwait(false);
        }
    }

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <inheritdoc />
    public void Execute() => _ = DrainAsync();

    private async Task DrainAsync()
    {
        var batch = new List<byte[]>();
        var types = new List<FrameType>();
        try
        {
            while (true)
            {
                while (batch.Count < MaxMessagesPerWrite && _queue.TryDequeue(out var item))
                {
                    batch.Add(item.Message);
                    types.Add(item.Type);
                }

                if (batch.Count == 0)
                {
                    Volatile.Write(ref _scheduled, 0);

                    // A message may have arrived between the last dequeue and clearing the flag.
                    if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
                    {
                        return;
                    }

                    continue;
                }

                long bytes = 0;
                foreach (var m in batch)
                {
                    bytes += m.Length;
                }

                if (!_closed)
                {
                    await _write(batch, types).ConfigureAwait(false);
                }

                Interlocked.Add(ref _queuedBytes, -bytes);
                batch.Clear();
                types.Clear();
            }
        }
        catch (Exception ex)
        {
            _closed = true;
            Volatile.Write(ref _scheduled, 0);
            _onWriteError(ex);
        }
    }
}
