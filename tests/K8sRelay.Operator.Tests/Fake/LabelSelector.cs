using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>Equality-based label selectors: k=v, k==v, k!=v, k (exists) and !k.</summary>
public static class LabelSelector
{
    /// <summary>True when the object's labels match <paramref name="selector"/> (null or empty matches all).</summary>
    public static bool Matches(JsonObject obj, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return true;
        }

        var labels = obj["metadata"]?["labels"] as JsonObject;
        string? Label(string key) => labels?[key]?.GetValue<string>();
        foreach (var raw in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool ok;
            if (raw.Contains("!=", StringComparison.Ordinal))
            {
                var parts = raw.Split("!=");
                ok = Label(parts[0].Trim()) != parts[1].Trim();
            }
            else if (raw.Contains('=', StringComparison.Ordinal))
            {
                var parts = raw.Split('=', StringSplitOptions.RemoveEmptyEntries);
                ok = Label(parts[0].Trim()) == parts[^1].Trim();
            }
            else if (raw.StartsWith('!'))
            {
                ok = Label(raw[1..]) is null;
            }
            else
            {
                ok = Label(raw) is not null;
            }

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
