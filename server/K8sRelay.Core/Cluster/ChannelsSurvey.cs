namespace K8sRelay.Core.Cluster;

/// <summary>
/// A <c>channels</c> question sent to every other node: collects the answers of the nodes known when it was
/// asked and completes when all of them answered. Thread-safe.
/// </summary>
internal sealed class ChannelsSurvey
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _waitingFor;
    private readonly Dictionary<string, int> _channels = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelsSurvey(IEnumerable<string> nodeIds)
    {
        _waitingFor = new HashSet<string>(nodeIds, StringComparer.Ordinal);
        if (_waitingFor.Count == 0)
        {
            _allAnswered.TrySetResult();
        }
    }

    /// <summary>Completes when every asked node answered.</summary>
    public Task AllAnswered => _allAnswered.Task;

    /// <summary>Nodes that have not answered yet.</summary>
    public IReadOnlyList<string> Missing()
    {
        lock (_gate)
        {
            return [.. _waitingFor];
        }
    }

    /// <summary>Adds one node's answer; answers from nodes not asked, or repeated ones, are ignored.</summary>
    public void Add(string nodeId, IReadOnlyDictionary<string, int>? channels)
    {
        lock (_gate)
        {
            if (!_waitingFor.Remove(nodeId))
            {
                return;
            }

            foreach (var (channel, count) in channels ?? new Dictionary<string, int>())
            {
                _channels[channel] = _channels.GetValueOrDefault(channel) + count;
            }

            if (_waitingFor.Count == 0)
            {
                _allAnswered.TrySetResult();
            }
        }
    }

    /// <summary>The channels gathered so far, summed over the nodes that answered.</summary>
    public IReadOnlyDictionary<string, int> Channels()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_channels, StringComparer.Ordinal);
        }
    }
}
