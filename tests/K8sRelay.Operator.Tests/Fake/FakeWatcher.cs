using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>One open watch: a bounded channel of event lines. A watcher that falls behind is closed, as a real server does.</summary>
public sealed class FakeWatcher(FakeKind kind, string? ns, string? selector)
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(2000) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Lines to send.</summary>
    public ChannelReader<string> Lines => _lines.Reader;

    /// <summary>True when an event of <paramref name="eventKind"/> for <paramref name="obj"/> is for this watcher.</summary>
    public bool Wants(FakeKind eventKind, JsonObject obj) =>
        eventKind.Key == kind.Key
        && (ns is null || obj["metadata"]?["namespace"]?.GetValue<string>() == ns)
        && LabelSelector.Matches(obj, selector);

    /// <summary>Queues an event if it matches; closes the watch when the queue is full.</summary>
    public void Offer(FakeKind eventKind, string type, JsonObject obj)
    {
        if (Wants(eventKind, obj) && !_lines.Writer.TryWrite(Line(type, obj)))
        {
            Close();
        }
    }

    /// <summary>Queues a line as is.</summary>
    public void Send(string line) => _lines.Writer.TryWrite(line);

    /// <summary>Ends the watch.</summary>
    public void Close() => _lines.Writer.TryComplete();

    /// <summary>A watch event line.</summary>
    public static string Line(string type, JsonNode obj) => new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString();
}
