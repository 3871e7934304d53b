using System.Reflection;

namespace K8sRelay.Core.Node;

/// <summary>The server version, from the assembly's informational version.</summary>
public static class NodeVersion
{
    /// <summary>Version string such as <c>0.1.0</c>.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(NodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? informational[..plus] : informational;
    }
}
