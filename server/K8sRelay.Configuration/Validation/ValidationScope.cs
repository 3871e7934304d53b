using System.Text.RegularExpressions;

namespace K8sRelay.Configuration.Validation;

/// <summary>
/// Collects validation errors for keys under one path prefix. Every error reads
/// <c>invalid value for "&lt;full key&gt;": &lt;reason&gt;</c>, optionally followed by a note
/// such as the namespace name. Identical errors are reported once.
/// </summary>
internal sealed class ValidationScope
{
    private readonly List<string> errors;
    private readonly HashSet<string> seen;
    private readonly string prefix;
    private readonly string? note;

    /// <summary>Creates the root scope.</summary>
    public ValidationScope()
        : this([], new HashSet<string>(StringComparer.Ordinal), "", null)
    {
    }

    private ValidationScope(List<string> errors, HashSet<string> seen, string prefix, string? note)
    {
        this.errors = errors;
        this.seen = seen;
        this.prefix = prefix;
        this.note = note;
    }

    /// <summary>All errors collected by this scope and every scope made from it.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>The root scope (no prefix, no note) sharing this scope's error list.</summary>
    public ValidationScope Root => new(errors, seen, "", null);

    /// <summary>A scope for keys under <paramref name="path"/> (relative to this scope).</summary>
    public ValidationScope Under(string path, string? scopeNote = null) =>
        new(errors, seen, Path(path), scopeNote ?? note);

    /// <summary>The full path of <paramref name="key"/> in this scope.</summary>
    public string Path(string key) => prefix.Length == 0 ? key : prefix + "." + key;

    /// <summary>Reports <paramref name="key"/> (relative to this scope) as invalid.</summary>
    public void Fail(string key, string reason) => FailAbsolute(Path(key), reason);

    /// <summary>Reports a key given by its full path as invalid.</summary>
    public void FailAbsolute(string fullKey, string reason)
    {
        var message = $"invalid value for \"{fullKey}\": {reason}" + (note is null ? "" : $" ({note})");
        if (seen.Add(message))
        {
            errors.Add(message);
        }
    }

    /// <summary>Requires <paramref name="value"/> &gt;= 0.</summary>
    public void NonNegative(string key, long value)
    {
        if (value < 0)
        {
            Fail(key, "must be >= 0");
        }
    }

    /// <summary>Requires <paramref name="value"/> &gt; 0.</summary>
    public void Positive(string key, long value)
    {
        if (value <= 0)
        {
            Fail(key, "must be > 0");
        }
    }

    /// <summary>Requires a duration &gt;= 0.</summary>
    public void NonNegative(string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            Fail(key, "must not be negative");
        }
    }

    /// <summary>Requires a duration &gt; 0.</summary>
    public void Positive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            Fail(key, "must be greater than zero");
        }
    }

    /// <summary>Requires a duration without a sub-second part (Centrifugo stores these in whole seconds).</summary>
    public void WholeSeconds(string key, TimeSpan value)
    {
        if (value > TimeSpan.Zero && value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            Fail(key, "sub-second precision is not supported, use whole seconds");
        }
    }

    /// <summary>Requires a TCP port, 1..65535.</summary>
    public void Port(string key, int value)
    {
        if (value is < 1 or > 65535)
        {
            Fail(key, $"port must be between 1 and 65535, got {value}");
        }
    }

    /// <summary>Requires <paramref name="value"/> to be one of <paramref name="allowed"/> (an empty string is shown as "").</summary>
    public void OneOf(string key, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            var choices = string.Join(", ", allowed.Select(a => a.Length == 0 ? "\"\"" : a));
            Fail(key, $"must be one of {choices}, got \"{value}\"");
        }
    }

    /// <summary>Requires a non-empty string.</summary>
    public void NotEmpty(string key, string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Fail(key, "must not be empty");
        }
    }

    /// <summary>Requires a regular expression that compiles (an empty one is allowed).</summary>
    public void Regex(string key, string pattern)
    {
        if (pattern.Length == 0)
        {
            return;
        }

        try
        {
            _ = new Regex(GoRegex.ToDotNet(pattern), RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            Fail(key, $"not a valid regular expression: {ex.Message}");
        }
    }

    /// <summary>Requires an HTTP path prefix: empty or starting with <c>/</c>.</summary>
    public void HandlerPrefix(string key, string value)
    {
        if (value.Length > 0 && !value.StartsWith('/'))
        {
            Fail(key, $"must start with \"/\", got \"{value}\"");
        }
    }

    /// <summary>Requires ASCII text.</summary>
    public void Ascii(string key, string value)
    {
        if (!System.Text.Ascii.IsValid(value))
        {
            Fail(key, "must be ASCII");
        }
    }
}
