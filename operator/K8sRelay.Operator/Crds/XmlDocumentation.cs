using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace K8sRelay.Operator.Crds;

/// <summary>
/// Reads the XML documentation file generated next to an assembly, so the XML docs of the entity types become the
/// descriptions of the CRD schema.
/// </summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>Loads the documentation of <paramref name="assembly"/>; fails when the XML file is missing.</summary>
    /// <exception cref="FileNotFoundException">The documentation file is not next to the assembly.</exception>
    public static XmlDocumentation Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The XML documentation file of the operator assembly is needed to generate CRD descriptions.", path);
        }

        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is not null && summary is not null)
            {
                summaries[name] = Flatten(summary);
            }
        }

        return new XmlDocumentation(summaries);
    }

    /// <summary>The summary of a type, or null.</summary>
    public string? Of(Type type) => _summaries.GetValueOrDefault("T:" + type.FullName);

    /// <summary>The summary of a property, or null.</summary>
    public string? Of(PropertyInfo property) =>
        _summaries.GetValueOrDefault("P:" + property.DeclaringType!.FullName + "." + property.Name);

    private static string Flatten(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" } e => ShortName(e.Attribute("cref")?.Value ?? e.Attribute("langword")?.Value ?? ""),
                XElement e => e.Value,
                _ => "",
            });
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static string ShortName(string cref)
    {
        var dot = cref.LastIndexOf('.');
        return dot >= 0 ? cref[(dot + 1)..] : cref;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
