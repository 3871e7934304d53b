using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>
/// The structural-schema part of CRD admission: defaults (including <c>default: {}</c> that lets nested defaults
/// apply), pruning of unknown fields, and type, enum, range, length, pattern and required checks. CEL rules are not
/// evaluated here; the operator re-checks them itself.
/// </summary>
public static class SchemaRules
{
    /// <summary>Defaults and prunes <paramref name="value"/> in place and collects violations.</summary>
    public static void DefaultAndPrune(JsonObject schema, JsonNode? value, List<string> errors, string path)
    {
        if (value is null)
        {
            return;
        }

        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        switch (value)
        {
            case JsonObject obj when type is null or "object":
                Object(schema, obj, errors, path);
                break;
            case JsonArray array when type == "array":
                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        DefaultAndPrune(items, array[i], errors, $"{path}[{i}]");
                    }
                }

                break;
            case JsonValue scalar:
                Scalar(schema, scalar, type, errors, path);
                break;
            default:
                errors.Add($"{path}: must be of type {type}");
                break;
        }
    }

    private static void Object(JsonObject schema, JsonObject obj, List<string> errors, string path)
    {
        var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (!obj.ContainsKey(name) && propertySchema?["default"] is { } fallback)
                {
                    obj[name] = fallback.DeepClone();
                }

                if (obj[name] is { } child && propertySchema is JsonObject childSchema)
                {
                    DefaultAndPrune(childSchema, child, errors, path + "." + name);
                }
            }

            if (!preserve && path.Length > 0)
            {
                foreach (var unknown in obj.Select(p => p.Key).Where(k => !properties.ContainsKey(k)).ToList())
                {
                    obj.Remove(unknown);
                }
            }
        }
        else if (schema["additionalProperties"] is JsonObject additional)
        {
            foreach (var (name, child) in obj)
            {
                DefaultAndPrune(additional, child, errors, path + "." + name);
            }
        }

        foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
        {
            if (!obj.ContainsKey(required))
            {
                errors.Add($"{path}.{required}: Required value");
            }
        }
    }

    private static void Scalar(JsonObject schema, JsonValue scalar, string? type, List<string> errors, string path)
    {
        var kind = scalar.GetValueKind();
        var ok = type switch
        {
            "string" => kind == System.Text.Json.JsonValueKind.String,
            "integer" => kind == System.Text.Json.JsonValueKind.Number && long.TryParse(scalar.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out _),
            "number" => kind == System.Text.Json.JsonValueKind.Number,
            "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{path}: must be of type {type}");
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, scalar)))
        {
            errors.Add($"{path}: Unsupported value: {scalar.ToJsonString()}");
        }

        if (kind == System.Text.Json.JsonValueKind.Number)
        {
            var number = double.Parse(scalar.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            if (schema["minimum"]?.GetValue<double>() is { } min && number < min)
            {
                errors.Add($"{path}: should be greater than or equal to {min}");
            }

            if (schema["maximum"]?.GetValue<double>() is { } max && number > max)
            {
                errors.Add($"{path}: should be less than or equal to {max}");
            }
        }

        if (kind == System.Text.Json.JsonValueKind.String)
        {
            var text = scalar.GetValue<string>();
            if (schema["minLength"]?.ToLong() is { } minLength && text.Length < minLength)
            {
                errors.Add($"{path}: should be at least {minLength} chars long");
            }

            if (schema["pattern"]?.GetValue<string>() is { } pattern && !System.Text.RegularExpressions.Regex.IsMatch(text, pattern))
            {
                errors.Add($"{path}: should match '{pattern}'");
            }
        }
    }
}
