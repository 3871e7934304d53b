using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Cel;

/// <summary>The operators of <see cref="CelEvaluator"/> on CEL values; an error operand gives that error.</summary>
public static class CelOperators
{
    /// <summary>a.field: the field's value, or "no such key" when the object does not have it.</summary>
    public static object? Select(object? target, string field) => target switch
    {
        CelError error => error,
        JsonObject map => map.TryGetPropertyValue(field, out var value) ? CelEvaluator.FromJson(value) : new CelError($"no such key: {field}"),
        _ => new CelError($"type does not support field selection: {field}"),
    };

    /// <summary>a[index] on lists and maps.</summary>
    public static object? Index(object? target, object? index) => (target, index) switch
    {
        (CelError error, _) => error,
        (_, CelError error) => error,
        (JsonArray list, long i) => i >= 0 && i < list.Count ? CelEvaluator.FromJson(list[(int)i]) : new CelError($"index out of bounds: {i}"),
        (JsonObject map, string key) => map.TryGetPropertyValue(key, out var value) ? CelEvaluator.FromJson(value) : new CelError($"no such key: {key}"),
        _ => new CelError("no matching overload for '_[_]'"),
    };

    /// <summary>size() of strings, lists and maps.</summary>
    public static object? Size(object? value) => value switch
    {
        CelError error => error,
        string text => (long)text.Length,
        JsonArray list => (long)list.Count,
        JsonObject map => (long)map.Count,
        _ => new CelError("no matching overload for 'size'"),
    };

    /// <summary>==, !=, &lt;, &lt;=, &gt;, &gt;=.</summary>
    public static object? Compare(string op, object? left, object? right)
    {
        if (left is CelError leftError)
        {
            return leftError;
        }

        if (right is CelError rightError)
        {
            return rightError;
        }

        if (op is "==" or "!=")
        {
            var equal = AreEqual(left, right);
            return equal is bool flag ? (op == "==") == flag : equal;
        }

        int? order = (left, right) switch
        {
            (long a, long b) => a.CompareTo(b),
            (long or double, long or double) => Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture)),
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => null,
        };
        if (order is not { } o)
        {
            return new CelError($"no matching overload for '_{op}_'");
        }

        return op switch
        {
            "<" => o < 0,
            "<=" => o <= 0,
            ">" => o > 0,
            _ => o >= 0,
        };
    }

    /// <summary>+ - * / % on integers and doubles, + on strings.</summary>
    public static object? Arithmetic(string op, object? left, object? right) => (left, right) switch
    {
        (CelError error, _) => error,
        (_, CelError error) => error,
        (string a, string b) when op == "+" => a + b,
        (long a, long b) => op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => b == 0 ? new CelError("division by zero") : a / b,
            _ => b == 0 ? new CelError("modulus by zero") : a % b,
        },
        (double a, double b) => op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            _ => new CelError("no matching overload for '_%_'"),
        },
        _ => new CelError($"no matching overload for '_{op}_'"),
    };

    private static object AreEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (bool a, bool b) => a == b,
        (long a, long b) => a == b,
        (long or double, long or double) => Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture),
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (JsonNode a, JsonNode b) => JsonNode.DeepEquals(a, b),
        _ => new CelError("no matching overload for '_==_'"),
    };
}
