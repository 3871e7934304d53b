using System.Globalization;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// One scrape of a Prometheus text exposition, parsed into samples: <c>name{label="value",…} number</c>.
/// Comment lines are kept apart so metric types can be checked.
/// </summary>
internal sealed class PrometheusScrape
{
    private readonly List<PrometheusSample> _samples;
    private readonly Dictionary<string, string> _types;

    private PrometheusScrape(string text, List<PrometheusSample> samples, Dictionary<string, string> types)
    {
        Text = text;
        _samples = samples;
        _types = types;
    }

    /// <summary>The raw exposition, for failure messages.</summary>
    public string Text { get; }

    /// <summary>Names of every sample.</summary>
    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct(StringComparer.Ordinal);

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
                continue;
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            samples.Add(ParseSample(line));
        }

        return new PrometheusScrape(text, samples, types);
    }

    /// <summary>The declared type (<c>gauge</c>, <c>counter</c>, <c>histogram</c>) of a metric family, or null.</summary>
    public string? TypeOf(string family) => _types.GetValueOrDefault(family);

    /// <summary>
    /// The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>
    /// (given as name, value pairs); 0 when there is none (a counter nothing has touched yet).
    /// </summary>
    public double Value(string name, params string[] labels)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < labels.Length; i += 2)
        {
            wanted[labels[i]] = labels[i + 1];
        }

        return _samples
            .Where(s => s.Name == name && wanted.All(w => s.Labels.TryGetValue(w.Key, out var v) && v == w.Value))
            .Sum(s => s.Value);
    }

    /// <summary>True when at least one sample has this name.</summary>
    public bool Has(string name) => _samples.Any(s => s.Name == name);

    /// <summary>The samples of one name.</summary>
    public IReadOnlyList<PrometheusSample> Samples(string name) => [.. _samples.Where(s => s.Name == name)];

    private static PrometheusSample ParseSample(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string name;
        string rest;
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (brace >= 0 && brace < space)
        {
            name = line[..brace];
            var end = line.IndexOf('}', brace);
            var body = line[(brace + 1)..end];
            var i = 0;
            while (i < body.Length)
            {
                var eq = body.IndexOf('=', i);
                var key = body[i..eq].Trim(',', ' ');
                var valueStart = eq + 2;
                var j = valueStart;
                while (body[j] != '"')
                {
                    j += body[j] == '\\' ? 2 : 1;
                }

                labels[key] = body[valueStart..j].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
                i = j + 1;
            }

            rest = line[(end + 1)..].Trim();
        }
        else
        {
            name = line[..space];
            rest = line[space..].Trim();
        }

        var number = rest.Split(' ')[0];
        var value = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(number, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(name, labels, value);
    }
}
