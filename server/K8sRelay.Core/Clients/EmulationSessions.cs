using System.Collections.Concurrent;

namespace K8sRelay.Core.Clients;

/// <summary>
/// The emulation sessions (HTTP-streaming and SSE connections) open on this node, by session id.
/// <c>POST /emulation</c> finds the connection a command frame is for here. Thread-safe.
/// </summary>
public sealed class EmulationSessions
{
    private readonly ConcurrentDictionary<string, EmulationSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Open sessions.</summary>
    public int Count => _sessions.Count;

    /// <summary>Registers a connection under a new session id.</summary>
    /// <exception cref="InvalidOperationException">The id is already in use.</exception>
    public EmulationSession Add(string sessionId, ClientConnection client)
    {
        var session = new EmulationSession(sessionId, client);
        if (!_sessions.TryAdd(sessionId, session))
        {
            throw new InvalidOperationException("emulation session id already in use");
        }

        return session;
    }

    /// <summary>Finds an open session.</summary>
    public bool TryGet(string sessionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EmulationSession? session) =>
        _sessions.TryGetValue(sessionId, out session);

    /// <summary>Forgets a session (its connection closed).</summary>
    public void Remove(EmulationSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, EmulationSession>(session.Id, session));
}
