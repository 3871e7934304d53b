using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace K8sRelay.Operator.Crds;

/// <summary>
/// Turns C# entity types into an OpenAPI v3 structural schema. Rules:
/// descriptions come from XML docs; property names are camelCase (or [JsonPropertyName]);
/// a nullable property is optional; a non-nullable string initialised to "" is required;
/// non-default initial values of scalars and enums become schema defaults; a non-nullable object property
/// gets <c>default: {}</c> so its own defaults apply; DataAnnotations become minimum/maximum/minLength/pattern;
/// [CelRule] becomes x-kubernetes-validations.
/// </summary>
internal sealed class CrdSchemaBuilder(XmlDocumentation docs)
{
    private readonly NullabilityInfoContext _nullability = new();

    /// <summary>Builds the schema of an object type.</summary>
    public V1JSONSchemaProps ObjectSchema(Type type)
    {
        var schema = new V1JSONSchemaProps
        {
            Type = "object",
            Description = docs.Of(type),
            Properties = new Dictionary<string, V1JSONSchemaProps>(),
        };
        var required = new List<string>();
        var instance = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || !property.CanWrite)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertySchema = PropertySchema(property, instance);
            schema.Properties[name] = propertySchema;
            var nullable = _nullability.Create(property).WriteState == NullabilityState.Nullable;
            if (!nullable && property.PropertyType == typeof(string) && instance is not null && property.GetValue(instance) is "")
            {
                required.Add(name);
            }
        }

        schema.Required = required.Count > 0 ? required : null;
        schema.XKubernetesValidations = Rules(type.GetCustomAttributes<CelRuleAttribute>());
        return schema;
    }

    private V1JSONSchemaProps PropertySchema(PropertyInfo property, object? instance)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        V1JSONSchemaProps schema;
        if (property.GetCustomAttribute<PreserveUnknownFieldsAttribute>() is not null)
        {
            schema = IsList(type, out _)
                ? new V1JSONSchemaProps { Type = "array", Items = FreeForm() }
                : FreeForm();
        }
        else if (property.GetCustomAttribute<IntOrStringAttribute>() is not null)
        {
            schema = new V1JSONSchemaProps { XKubernetesIntOrString = true };
        }
        else
        {
            schema = TypeSchema(type);
        }

        schema.Description = docs.Of(property) ?? schema.Description;
        ApplyAnnotations(property, schema);
        schema.DefaultProperty = DefaultOf(property, instance, schema);
        var rules = Rules(property.GetCustomAttributes<CelRuleAttribute>());
        if (rules is not null)
        {
            schema.XKubernetesValidations = [.. schema.XKubernetesValidations ?? [], .. rules];
        }

        return schema;
    }

    private V1JSONSchemaProps TypeSchema(Type type)
    {
        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int32" };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (type == typeof(double))
        {
            return new V1JSONSchemaProps { Type = "number" };
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new V1JSONSchemaProps { Type = "string", Format = "date-time" };
        }

        if (type.IsEnum)
        {
            return new V1JSONSchemaProps { Type = "string", EnumProperty = [.. Enum.GetNames(type).Cast<object>()] };
        }

        if (type == typeof(JsonObject))
        {
            return FreeForm();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return new V1JSONSchemaProps { Type = "object", AdditionalProperties = TypeSchema(type.GetGenericArguments()[1]) };
        }

        if (IsList(type, out var item))
        {
            return new V1JSONSchemaProps { Type = "array", Items = TypeSchema(item!) };
        }

        return ObjectSchema(type);
    }

    private static bool IsList(Type type, out Type? item)
    {
        item = type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1
            ? type.GetGenericArguments()[0]
            : null;
        return item is not null;
    }

    private static V1JSONSchemaProps FreeForm() => new() { Type = "object", XKubernetesPreserveUnknownFields = true };

    private static void ApplyAnnotations(PropertyInfo property, V1JSONSchemaProps schema)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            if (schema.Type == "array")
            {
                schema.MinItems = minLength.Length;
            }
            else
            {
                schema.MinLength = minLength.Length;
            }
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern)
        {
            schema.Pattern = pattern.Pattern;
        }
    }

    private object? DefaultOf(PropertyInfo property, object? instance, V1JSONSchemaProps schema)
    {
        if (instance is null || _nullability.Create(property).WriteState == NullabilityState.Nullable)
        {
            return null;
        }

        var value = property.GetValue(instance);
        return value switch
        {
            null => null,
            Enum e => e.ToString(),
            true => true,
            int i when i != 0 => i,
            long l when l != 0 => l,
            IntOrString ios =>
                int.TryParse(ios.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : ios.Value,
            string { Length: > 0 } s => s,
            IEnumerable => null,
            _ when schema.Type == "object" && schema.XKubernetesPreserveUnknownFields != true => new Dictionary<string, object>(),
            _ => null,
        };
    }

    private static List<V1ValidationRule>? Rules(IEnumerable<CelRuleAttribute> attributes)
    {
        var rules = attributes.Select(a => new V1ValidationRule { Rule = a.Rule, Message = a.Message }).ToList();
        return rules.Count > 0 ? rules : null;
    }
}
