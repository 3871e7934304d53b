using System.Runtime.InteropServices;
using System.Text.Json;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Typed access to token claims. A claim of the wrong JSON type raises <see cref="InvalidTokenException"/>
/// naming the claim (names come from K8sRelay or its config, never from the token). JSON <c>null</c> counts as absent.
/// </summary>
internal static class ClaimReader
{
    /// <summary>Largest absolute value accepted for a time claim (seconds): about year 5138.</summary>
    private const double MaxNumericDate = 1e11;

    /// <summary>The value of a claim, or false when it is absent or null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A string claim, or null when absent.</summary>
    public static string? GetString(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidTokenException($"claim {name} must be a string");
    }

    /// <summary>A NumericDate claim (<c>exp</c>, <c>nbf</c>) in seconds, fractions allowed, or null when absent.</summary>
    public static double? GetNumericDate(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds))
        {
            throw new InvalidTokenException($"claim {name} must be a number of seconds");
        }

        return Math.Abs(seconds) <= MaxNumericDate
            ? seconds
            : throw new InvalidTokenException($"claim {name} is out of range");
    }

    /// <summary>An integer claim, or null when absent.</summary>
    public static long? GetInt64(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new InvalidTokenException($"claim {name} must be an integer");
    }

    /// <summary>A boolean claim, or null when absent.</summary>
    public static bool? GetBoolean(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidTokenException($"claim {name} must be a boolean"),
        };
    }

    /// <summary>An object claim, or null when absent.</summary>
    public static JsonElement? GetObject(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new InvalidTokenException($"claim {name} must be an object");
    }

    /// <summary>
    /// Binary payload from a pair of claims: the base64 form (<paramref name="base64Name"/>) when non-empty,
    /// else the raw JSON of <paramref name="rawName"/> as UTF-8 bytes; null when neither is present.
    /// </summary>
    public static byte[]? GetPayload(JsonElement obj, string rawName, string base64Name)
    {
        var encoded = GetString(obj, base64Name);
        if (!string.IsNullOrEmpty(encoded))
        {
            try
            {
                return Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                throw new InvalidTokenException($"claim {base64Name} must be base64");
            }
        }

        return TryGet(obj, rawName, out var raw) ? JsonMarshal.GetRawUtf8Value(raw).ToArray() : null;
    }

    /// <summary>Raw JSON of a claim as UTF-8 bytes, or null when absent.</summary>
    public static byte[]? GetRawJson(JsonElement obj, string name) =>
        TryGet(obj, name, out var raw) ? JsonMarshal.GetRawUtf8Value(raw).ToArray() : null;

    /// <summary>An array-of-strings claim; empty when absent.</summary>
    public static IReadOnlyList<string> GetStringArray(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidTokenException($"claim {name} must be an array of strings");
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InvalidTokenException($"claim {name} must be an array of strings"));
        }

        return items;
    }

    /// <summary>The <c>aud</c> claim, a string or an array of strings (RFC 7519); empty when absent.</summary>
    public static IReadOnlyList<string> GetAudience(JsonElement obj)
    {
        if (TryGet(obj, "aud", out var value) && value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        return GetStringArray(obj, "aud");
    }

    /// <summary>The <c>override</c> object: each field is <c>{"value": bool}</c>; null when absent.</summary>
    public static SubscriptionOverride? GetOverride(JsonElement obj, string name)
    {
        if (GetObject(obj, name) is not { } value)
        {
            return null;
        }

        return new SubscriptionOverride
        {
            Presence = GetBoolValue(value, "presence"),
            JoinLeave = GetBoolValue(value, "join_leave"),
            ForcePushJoinLeave = GetBoolValue(value, "force_push_join_leave"),
            ForceRecovery = GetBoolValue(value, "force_recovery"),
            ForcePositioning = GetBoolValue(value, "force_positioning"),
        };
    }

    // Centrifugo's BoolValue: an object whose missing "value" means false.
    private static bool? GetBoolValue(JsonElement obj, string name) =>
        GetObject(obj, name) is { } boolValue ? GetBoolean(boolValue, "value") ?? false : null;
}
