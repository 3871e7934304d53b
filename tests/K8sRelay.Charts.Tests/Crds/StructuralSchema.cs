using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>
/// The structural-schema part of admitting a custom resource: applies defaults in place (including nested ones
/// under a defaulted <c>{}</c>), then checks types, enums, ranges, lengths, patterns, required fields and unknown
/// fields (refused, as with kubectl's default strict field validation), and collects the CEL rules it passes.
/// </summary>
public static class StructuralSchema
{
    /// <summary>Checks <paramref name="value"/> against <paramref name="schema"/> at <paramref name="path"/>.</summary>
    public static void Check(JsonObject schema, JsonNode? value, string path, List<string> errors, List<ValidationRuleTarget> rules)
    {
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true)
            {
                errors.Add($"{path}: must not be null");
            }

            return;
        }

        foreach (var rule in schema["x-kubernetes-validations"]?.AsArray() ?? [])
        {
            rules.Add(new ValidationRuleTarget((string)rule!["rule"]!, (string?)rule["message"] ?? (string)rule["rule"]!, value, path));
        }

        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            if (value.GetValueKind() is not (JsonValueKind.Number or JsonValueKind.String))
            {
                errors.Add($"{path}: must be an integer or a string");
            }

            return;
        }

        switch ((string?)schema["type"])
        {
            case "object":
                CheckObject(schema, value, path, errors, rules);
                break;
            case "array":
                CheckArray(schema, value, path, errors, rules);
                break;
            case "string":
                CheckString(schema, value, path, errors);
                break;
            case "integer" or "number":
                CheckNumber(schema, value, path, errors);
                break;
            case "boolean" when value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False):
                errors.Add($"{path}: must be a boolean");
                break;
        }
    }

    private static void CheckObject(JsonObject schema, JsonNode value, string path, List<string> errors, List<ValidationRuleTarget> rules)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{path}: must be an object");
            return;
        }

        var properties = schema["properties"] as JsonObject;
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        foreach (var (name, propertySchema) in properties ?? [])
        {
            if (!obj.ContainsKey(name) && propertySchema?["default"] is { } fallback)
            {
                obj[name] = fallback.DeepClone();
            }

            if (obj.TryGetPropertyValue(name, out var child))
            {
                Check(propertySchema!.AsObject(), child, $"{path}.{name}", errors, rules);
            }
        }

        if (schema["additionalProperties"] is JsonObject valueSchema)
        {
            foreach (var (name, child) in obj.ToList())
            {
                Check(valueSchema, child, $"{path}.{name}", errors, rules);
            }
        }
        else if (!preserve)
        {
            foreach (var unknown in obj.Select(p => p.Key).Where(k => properties is null || !properties.ContainsKey(k)))
            {
                errors.Add($"{path}.{unknown}: unknown field");
            }
        }

        foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add($"{path}.{required}: Required value");
            }
        }
    }

    private static void CheckArray(JsonObject schema, JsonNode value, string path, List<string> errors, List<ValidationRuleTarget> rules)
    {
        if (value is not JsonArray array)
        {
            errors.Add($"{path}: must be a list");
            return;
        }

        if ((long?)schema["minItems"] is { } minItems && array.Count < minItems)
        {
            errors.Add($"{path}: must have at least {minItems} items");
        }

        if ((long?)schema["maxItems"] is { } maxItems && array.Count > maxItems)
        {
            errors.Add($"{path}: must have at most {maxItems} items");
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors, rules);
            }
        }
    }

    private static void CheckString(JsonObject schema, JsonNode value, string path, List<string> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{path}: must be a string");
            return;
        }

        var text = value.GetValue<string>();
        CheckEnum(schema, value, path, errors);
        if ((long?)schema["minLength"] is { } minLength && text.Length < minLength)
        {
            errors.Add($"{path}: must be at least {minLength} characters long");
        }

        if ((long?)schema["maxLength"] is { } maxLength && text.Length > maxLength)
        {
            errors.Add($"{path}: must be at most {maxLength} characters long");
        }

        if ((string?)schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: should match '{pattern}'");
        }
    }

    private static void CheckNumber(JsonObject schema, JsonNode value, string path, List<string> errors)
    {
        var integerOnly = (string?)schema["type"] == "integer";
        if (value.GetValueKind() != JsonValueKind.Number || (integerOnly && !value.AsValue().TryGetValue<long>(out _)))
        {
            errors.Add($"{path}: must be {(integerOnly ? "an integer" : "a number")}");
            return;
        }

        var number = value.GetValue<double>();
        CheckEnum(schema, value, path, errors);
        if ((double?)schema["minimum"] is { } minimum && number < minimum)
        {
            errors.Add($"{path}: should be greater than or equal to {minimum}");
        }

        if ((double?)schema["maximum"] is { } maximum && number > maximum)
        {
            errors.Add($"{path}: should be less than or equal to {maximum}");
        }
    }

    private static void CheckEnum(JsonObject schema, JsonNode value, string path, List<string> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: Unsupported value: {value.ToJsonString()}: supported values: {string.Join(", ", allowed.Select(a => a!.ToJsonString()))}");
        }
    }
}
