using System.Globalization;
using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>Reads JSON numbers whatever CLR type a node was created with.</summary>
public static class JsonNumbers
{
    /// <summary>The node as a long.</summary>
    public static long ToLong(this JsonNode node) => long.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>The node as an int.</summary>
    public static int ToInt(this JsonNode node) => int.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
}
