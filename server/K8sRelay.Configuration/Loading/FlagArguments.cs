using K8sRelay.Configuration.Schema;

namespace K8sRelay.Configuration.Loading;

/// <summary>
/// Command-line flags that set configuration keys: <c>--http_server.port=8001</c>,
/// <c>--http_server.port 8001</c>, a boolean without a value (<c>--client.insecure</c>) meaning
/// true, and the short forms <c>-p</c> (<c>http_server.port</c>) and <c>-a</c>
/// (<c>http_server.address</c>). <c>-c</c>/<c>--config</c> names the config file. Any key of
/// the model is accepted (lists as for environment variables); an unknown flag or a stray
/// argument is an error.
/// </summary>
internal sealed class FlagArguments
{
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["p"] = "http_server.port",
        ["a"] = "http_server.address",
        ["c"] = "config",
    };

    private readonly List<(string KeyPath, string Value, string Flag)> assignments = [];

    private FlagArguments()
    {
    }

    /// <summary>The value of <c>-c</c>/<c>--config</c>, or null.</summary>
    public string? ConfigPath { get; private set; }

    /// <summary>Parses <paramref name="args"/>; problems go to <paramref name="diagnostics"/>.</summary>
    public static FlagArguments Parse(IReadOnlyList<string> args, Type rootType, ConfigDiagnostics diagnostics)
    {
        var result = new FlagArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                name = arg[2..];
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                var shortName = arg[1..].Split('=', 2)[0];
                if (!ShortNames.TryGetValue(shortName, out var longName))
                {
                    diagnostics.Errors.Add($"unknown flag \"{arg}\"");
                    continue;
                }

                name = longName + arg[(1 + shortName.Length)..];
            }
            else
            {
                diagnostics.Errors.Add($"unexpected argument \"{arg}\": flags look like --key=value");
                continue;
            }

            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            var flag = arg.StartsWith("--", StringComparison.Ordinal) ? "--" + name : arg.Split('=', 2)[0];
            if (name == "config")
            {
                value ??= i + 1 < args.Count ? args[++i] : null;
                if (value is null)
                {
                    diagnostics.Errors.Add($"flag \"{flag}\" needs a value");
                }

                result.ConfigPath = value;
                continue;
            }

            var property = Resolve(rootType, name);
            if (property is null)
            {
                diagnostics.Errors.Add($"unknown flag \"{flag}\"");
                continue;
            }

            if (value is null)
            {
                if (property.Kind == ConfigValueKind.Bool)
                {
                    value = "true";
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    diagnostics.Errors.Add($"flag \"{flag}\" needs a value");
                    continue;
                }
            }

            result.assignments.Add((name, value, flag));
        }

        return result;
    }

    /// <summary>Applies the parsed flags to <paramref name="config"/>, in command-line order.</summary>
    public void Apply(object config, ConfigDiagnostics diagnostics)
    {
        foreach (var (keyPath, value, flag) in assignments)
        {
            var target = config;
            var segments = keyPath.Split('.');
            for (var i = 0; i < segments.Length - 1; i++)
            {
                var section = ConfigSchema.Find(target.GetType(), segments[i])!;
                target = section.GetValue(target) ?? ConfigSchema.CreateDefault(section.Type);
            }

            var property = ConfigSchema.Find(target.GetType(), segments[^1])!;
            TextValueBinder.Bind(property, target, value, keyPath, "flag " + flag, diagnostics);
        }
    }

    /// <summary>Finds the key a dotted flag name sets; only sections may appear before the last segment.</summary>
    private static ConfigProperty? Resolve(Type rootType, string name)
    {
        var type = rootType;
        var segments = name.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var property = ConfigSchema.Find(type, segments[i]);
            if (property is null)
            {
                return null;
            }

            if (i == segments.Length - 1)
            {
                return property.Kind == ConfigValueKind.Section ? null : property;
            }

            if (property.Kind != ConfigValueKind.Section)
            {
                return null;
            }

            type = property.Type;
        }

        return null;
    }
}
