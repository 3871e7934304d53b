namespace K8sRelay.Core.Clients;

/// <summary>
/// One emulation connection as <c>POST /emulation</c> sees it. Command frames of one session run
/// one at a time, in arrival order, like the frames a WebSocket read loop hands over.
/// </summary>
public sealed class EmulationSession
{
    private readonly object _gate = new();
    private Task _tail = Task.CompletedTask;

    internal EmulationSession(string id, ClientConnection client)
    {
        Id = id;
        Client = client;
    }

    /// <summary>The session id sent to the client in the connect result.</summary>
    public string Id { get; }

    /// <summary>The connection.</summary>
    public ClientConnection Client { get; }

    /// <summary>
    /// Runs one command frame on the connection after every frame that arrived before it.
    /// Returns false when the connection is closed.
    /// </summary>
    public async ValueTask<bool> HandleFrameAsync(ReadOnlyMemory<byte> frame)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tail;
            _tail = done.Task;
        }

        try
        {
            await previous.ConfigureAwait(false);
            return await Client.HandleFrameAsync(frame).ConfigureAwait(false);
        }
        finally
        {
            done.SetResult();
        }
    }
}
