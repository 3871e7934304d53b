using System.Collections.Concurrent;
using K8sRelay.Core.Node;

namespace K8sRelay.Core.Cluster;

/// <summary>
/// The other nodes a node has heard from recently, with their last <c>info</c> entry. An entry not refreshed
/// within <see cref="ClusterOptions.NodeInfoMaxAge"/> is dropped (the node died without saying so). Thread-safe.
/// </summary>
internal sealed class NodeRegistry
{
    private readonly ConcurrentDictionary<string, Entry> _nodes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;

    public NodeRegistry(TimeProvider time, TimeSpan maxAge)
    {
        _time = time;
        _maxAge = maxAge;
    }

    /// <summary>Records a heartbeat; returns true when the node was not known before.</summary>
    public bool Update(NodeInfo info)
    {
        var isNew = !_nodes.ContainsKey(info.Id);
        _nodes[info.Id] = new Entry(info, _time.GetTimestamp());
        return isNew;
    }

    /// <summary>Forgets a node (it said it leaves).</summary>
    public void Remove(string nodeId) => _nodes.TryRemove(nodeId, out _);

    /// <summary>True when the node is listed and fresh.</summary>
    public bool Contains(string nodeId) => _nodes.TryGetValue(nodeId, out var entry) && IsFresh(entry);

    /// <summary>The fresh entries; stale ones are dropped on the way.</summary>
    public IReadOnlyList<NodeInfo> Snapshot()
    {
        var result = new List<NodeInfo>(_nodes.Count);
        foreach (var (id, entry) in _nodes)
        {
            if (IsFresh(entry))
            {
                result.Add(entry.Info);
            }
            else
            {
                _nodes.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }

        return result;
    }

    /// <summary>Number of fresh entries.</summary>
    public int Count => Snapshot().Count;

    private bool IsFresh(Entry entry) => _time.GetElapsedTime(entry.SeenAt) <= _maxAge;

    private sealed record Entry(NodeInfo Info, long SeenAt);
}
