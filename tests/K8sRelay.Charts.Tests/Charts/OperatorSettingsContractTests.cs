using System.Globalization;
using System.Text.RegularExpressions;
using K8sRelay.Charts.Tests.Infrastructure;

namespace K8sRelay.Charts.Tests.Charts;

/// <summary>
/// The operator reads its settings from K8SRELAY_OPERATOR__* variables bound to OperatorOptions and
/// LeaderElectionOptions, and serves /healthz, /readyz and /metrics. Every variable the chart sets must name a
/// settable property of those classes, with a value the binder can parse, and the probes must hit real routes.
/// </summary>
public sealed partial class OperatorSettingsContractTests
{
    private const string Prefix = "K8SRELAY_OPERATOR__";

    public static TheoryData<string> OperatorValues()
    {
        var data = new TheoryData<string>();
        foreach (var file in ChartNames.CiValues(ChartNames.Operator))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperatorValues))]
    public async Task EverySetting_NamesAnOptionsPropertyWithAParsableValue(string valuesFile)
    {
        var render = await ChartRenders.GetAsync(ChartNames.Operator, valuesFile);
        var pod = new PodTemplate(render.Single("Deployment"));
        var options = Properties("OperatorOptions.cs");
        var election = Properties("LeaderElectionOptions.cs");

        var settings = pod.Env.Where(e => e.Key.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(settings);
        foreach (var (name, env) in settings)
        {
            var path = name[Prefix.Length..].Split("__");
            var (properties, property) = path.Length == 2 && path[0] == "LEADERELECTION" ? (election, path[1]) : (options, path[0]);
            var known = properties.TryGetValue(property, out var type);
            Assert.True(path.Length <= 2 && known, $"{name} names no property of the operator's options");
            Assert.True(Parses(type!, (string?)env["value"] ?? ""), $"{name}={(string?)env["value"]} is not a valid {type}");
        }
    }

    [Fact]
    public void Probes_HitRoutesTheOperatorServes()
    {
        var application = File.ReadAllText(Path.Combine(RepositoryPaths.OperatorSource, "Hosting", "OperatorApplication.cs"));

        foreach (var route in new[] { "/healthz", "/readyz", "/metrics" })
        {
            Assert.Contains($"MapGet(\"{route}\"", application, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DownwardApiVariables_AreTheOnesTheOperatorReads()
    {
        var host = File.ReadAllText(Path.Combine(RepositoryPaths.OperatorSource, "Runtime", "OperatorHost.cs"));

        Assert.Contains("GetEnvironmentVariable(\"POD_NAME\")", host, StringComparison.Ordinal);
        Assert.Contains("GetEnvironmentVariable(\"POD_NAMESPACE\")", host, StringComparison.Ordinal);
        Assert.Contains("AddEnvironmentVariables(\"K8SRELAY_\")", File.ReadAllText(Path.Combine(RepositoryPaths.OperatorSource, "Hosting", "OperatorApplication.cs")), StringComparison.Ordinal);
    }

    // Upper-cased property names of an options class, with their C# types.
    private static Dictionary<string, string> Properties(string file)
    {
        var source = File.ReadAllText(Directory.GetFiles(RepositoryPaths.OperatorSource, file, SearchOption.AllDirectories).Single());
        return SettableProperty().Matches(source).ToDictionary(m => m.Groups["name"].Value.ToUpperInvariant(), m => m.Groups["type"].Value.TrimEnd('?'));
    }

    private static bool Parses(string type, string value) => type switch
    {
        "string" => true,
        "int" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "bool" => bool.TryParse(value, out _),
        "TimeSpan" => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    [GeneratedRegex(@"public (?<type>[\w?]+) (?<name>\w+) \{ get; set; \}")]
    private static partial Regex SettableProperty();
}
