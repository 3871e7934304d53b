namespace K8sRelay.Operator.Crds;

/// <summary>An additional printer column shown by <c>kubectl get</c>.</summary>
/// <param name="name">Column header.</param>
/// <param name="type">OpenAPI type of the column: string, integer, number, boolean or date.</param>
/// <param name="jsonPath">JSONPath of the value, relative to the object.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    /// <summary>Column header.</summary>
    public string Name { get; } = name;

    /// <summary>OpenAPI type of the column.</summary>
    public string Type { get; } = type;

    /// <summary>JSONPath of the value.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>Optional column description.</summary>
    public string? Description { get; init; }

    /// <summary>Priority: 0 is shown by default, higher only with <c>-o wide</c>.</summary>
    public int Priority { get; init; }
}
