namespace K8sRelay.Configuration.Model;

/// <summary>One item of <c>channel.namespaces</c>: a name plus channel options.</summary>
public sealed class ChannelNamespaceConfig : ChannelOptionsConfig
{
    /// <summary><c>name</c>: unique namespace name matching <c>^[-a-zA-Z0-9_]{2,}$</c>.</summary>
    public string Name { get; set; } = "";
}
