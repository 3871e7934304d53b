using System.Text;

namespace K8sRelay.Core.Auth.Jwks;

/// <summary>
/// A JWKS endpoint with optional <c>{{name}}</c> placeholders (Centrifugo's templating), filled from the named
/// groups of <c>issuer_regex</c> and <c>audience_regex</c>. Values are URL-escaped when filled in.
/// </summary>
internal sealed class JwksUrlTemplate
{
    private readonly List<(string Text, bool IsVariable)> _parts;

    private JwksUrlTemplate(string template, List<(string Text, bool IsVariable)> parts)
    {
        Template = template;
        _parts = parts;
        Variables = parts.Where(p => p.IsVariable).Select(p => p.Text).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The template text as configured.</summary>
    public string Template { get; }

    /// <summary>Names of the placeholders, each once.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Parses a template.</summary>
    /// <exception cref="FormatException">A placeholder is not closed or its name is not made of letters, digits and '_'.</exception>
    public static JwksUrlTemplate Parse(string template)
    {
        var parts = new List<(string, bool)>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((template[position..], false));
                break;
            }

            if (open > position)
            {
                parts.Add((template[position..open], false));
            }

            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("a '{{' placeholder is not closed with '}}'");
            }

            var name = template[(open + 2)..close];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new FormatException("a placeholder name must be made of letters, digits and '_'");
            }

            parts.Add((name, true));
            position = close + 2;
        }

        return new JwksUrlTemplate(template, parts);
    }

    /// <summary>Fills the placeholders. Returns false when a variable has no value.</summary>
    public bool TryExpand(IReadOnlyDictionary<string, string> variables, out string url)
    {
        if (Variables.Count == 0)
        {
            url = Template;
            return true;
        }

        var builder = new StringBuilder(Template.Length + 32);
        foreach (var (text, isVariable) in _parts)
        {
            if (!isVariable)
            {
                builder.Append(text);
                continue;
            }

            if (!variables.TryGetValue(text, out var value) || value.Length == 0)
            {
                url = string.Empty;
                return false;
            }

            builder.Append(Uri.EscapeDataString(value));
        }

        url = builder.ToString();
        return true;
    }

    /// <summary>The template with every placeholder replaced by a harmless sample value, to check the URL shape.</summary>
    public string ExpandWithSample()
    {
        var builder = new StringBuilder(Template.Length);
        foreach (var (text, isVariable) in _parts)
        {
            builder.Append(isVariable ? "sample" : text);
        }

        return builder.ToString();
    }
}
