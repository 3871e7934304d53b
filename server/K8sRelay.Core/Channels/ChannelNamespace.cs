using System.Text.RegularExpressions;
using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Validation;

namespace K8sRelay.Core.Channels;

/// <summary>A resolved namespace: its name (empty for channels without namespace), options and compiled channel regex.</summary>
public sealed class ChannelNamespace
{
    public ChannelNamespace(string name, ChannelOptionsConfig options)
    {
        Name = name;
        Options = options;
        if (!string.IsNullOrEmpty(options.ChannelRegex))
        {
            ChannelRegex = GoRegex.Compile(options.ChannelRegex);
        }
    }

    /// <summary>Namespace name, or empty for <c>channel.without_namespace</c>.</summary>
    public string Name { get; }

    /// <summary>The namespace's options.</summary>
    public ChannelOptionsConfig Options { get; }

    /// <summary>Compiled <c>channel_regex</c>, or null.</summary>
    public Regex? ChannelRegex { get; }

    /// <summary>True when history is on (both size and TTL positive).</summary>
    public bool HasHistory => Options.HistorySize > 0 && Options.HistoryTtl > TimeSpan.Zero;
}
