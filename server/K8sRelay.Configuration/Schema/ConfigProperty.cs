using System.Reflection;

namespace K8sRelay.Configuration.Schema;

/// <summary>One configuration key of a model type: its snake_case name, its kind and the property behind it.</summary>
/// <param name="Key">The key inside its section, such as <c>hmac_secret_key</c>.</param>
/// <param name="Property">The model property.</param>
/// <param name="Kind">How the value is read and written.</param>
/// <param name="ElementType">The item type of an <see cref="ConfigValueKind.ObjectList"/>; otherwise null.</param>
internal sealed record ConfigProperty(string Key, PropertyInfo Property, ConfigValueKind Kind, Type? ElementType)
{
    /// <summary>The type of the property.</summary>
    public Type Type => Property.PropertyType;

    /// <summary>Reads the value from <paramref name="target"/>.</summary>
    public object? GetValue(object target) => Property.GetValue(target);

    /// <summary>Writes <paramref name="value"/> into <paramref name="target"/>.</summary>
    public void SetValue(object target, object? value) => Property.SetValue(target, value);
}
