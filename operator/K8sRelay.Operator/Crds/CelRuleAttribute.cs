namespace K8sRelay.Operator.Crds;

/// <summary>
/// A CEL validation rule (<c>x-kubernetes-validations</c>) placed on the schema of the annotated type or property.
/// </summary>
/// <param name="rule">The CEL expression; <c>self</c> is the annotated value.</param>
/// <param name="message">The message the API server returns when the rule fails.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    /// <summary>The CEL expression.</summary>
    public string Rule { get; } = rule;

    /// <summary>The message returned when the rule fails.</summary>
    public string Message { get; } = message;
}
