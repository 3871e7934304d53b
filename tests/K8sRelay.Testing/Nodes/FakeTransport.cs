using System.Collections.Concurrent;
using K8sRelay.Core.Transports;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Testing.Nodes;

/// <summary>
/// An in-memory transport: records every written message and the close reason. With
/// <see cref="Discard"/> set it drops writes (benchmarks). Thread-safe.
/// </summary>
public sealed class FakeTransport : ITransport
{
    private readonly ConcurrentQueue<byte[]> _messages = new();
    private readonly TaskCompletionSource<DisconnectReason> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messageCount;

    public FakeTransport(ProtocolType protocol = ProtocolType.Json, bool unidirectional = false, bool emulation = false)
    {
        Protocol = protocol;
        Unidirectional = unidirectional;
        Emulation = emulation;
    }

    public string Name => "fake";

    public ProtocolType Protocol { get; }

    public bool Unidirectional { get; }

    public bool Emulation { get; }

    /// <summary>Drop written messages instead of recording them (only count them).</summary>
    public bool Discard { get; init; }

    /// <summary>Optional counter shared by many transports (benchmarks wait on it).</summary>
    public WriteCounter? SharedCounter { get; init; }

    /// <summary>Messages written so far.</summary>
    public long MessageCount => Interlocked.Read(ref _messageCount);

    /// <summary>Completes with the close reason.</summary>
    public Task<DisconnectReason> Closed => _closed.Task;

    public ValueTask WriteAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        Interlocked.Add(ref _messageCount, messages.Count);
        SharedCounter?.Add(messages.Count);
        if (!Discard)
        {
            foreach (var message in messages)
            {
                _messages.Enqueue(message);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CloseAsync(DisconnectReason disconnect)
    {
        _closed.TrySetResult(disconnect);
        return ValueTask.CompletedTask;
    }

    /// <summary>Decodes every recorded message as a reply.</summary>
    public IReadOnlyList<Reply> Replies()
    {
        var codec = ClientCodecs.ClientSideFor(Protocol);
        var replies = new List<Reply>();
        foreach (var message in _messages)
        {
            codec.DecodeReplies(message, replies);
        }

        return replies;
    }

    /// <summary>Waits until a reply matches, or throws after <paramref name="timeout"/>.</summary>
    public async Task<Reply> WaitForReplyAsync(Func<Reply, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            var match = Replies().FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("no matching reply; got: " + string.Join(" | ", Replies()));
    }
}
