namespace K8sRelay.Testing.Nodes;

/// <summary>A thread-safe count of messages written by many fake transports.</summary>
public sealed class WriteCounter
{
    private long _count;

    /// <summary>Messages counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Adds written messages.</summary>
    public void Add(int messages) => Interlocked.Add(ref _count, messages);
}
