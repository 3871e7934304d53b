using System.Text.Json.Nodes;
using K8sRelay.Charts.Tests.Cel;

namespace K8sRelay.Charts.Tests.Crds;

/// <summary>
/// Admits a custom resource against a CustomResourceDefinition the way the API server does on create: the
/// version must be served, defaults are applied, the structural schema is checked, and then every CEL rule is
/// evaluated on the defaulted object. Transition rules (those that read <c>oldSelf</c>) do not run on create.
/// </summary>
public static class CustomResourceValidator
{
    /// <summary>The problems; empty when the API server would accept the object.</summary>
    public static IReadOnlyList<string> Validate(JsonObject crd, JsonObject resource)
    {
        var spec = crd["spec"]!;
        var group = (string)spec["group"]!;
        var apiVersion = (string?)resource["apiVersion"] ?? "";
        var kind = (string?)resource["kind"] ?? "";
        if (kind != (string)spec["names"]!["kind"]! || !apiVersion.StartsWith(group + "/", StringComparison.Ordinal))
        {
            return [$"{apiVersion} {kind} is not a kind of {crd["metadata"]!["name"]}"];
        }

        var version = spec["versions"]!.AsArray().FirstOrDefault(v => apiVersion == $"{group}/{v!["name"]}");
        if (version?["served"]?.GetValue<bool>() != true)
        {
            return [$"{apiVersion} is not a served version of {crd["metadata"]!["name"]}"];
        }

        var errors = new List<string>();
        if (string.IsNullOrEmpty((string?)resource["metadata"]?["name"]))
        {
            errors.Add("metadata.name: Required value");
        }

        // metadata is validated by the API server itself, not by the schema.
        var copy = resource.DeepClone().AsObject();
        copy.Remove("metadata");
        var rules = new List<ValidationRuleTarget>();
        StructuralSchema.Check(version["schema"]!["openAPIV3Schema"]!.AsObject(), copy, "", errors, rules);
        foreach (var target in rules.Where(r => !r.Rule.Contains("oldSelf", StringComparison.Ordinal)))
        {
            var result = CelEvaluator.Evaluate(target.Rule, new Dictionary<string, object?> { ["self"] = CelEvaluator.FromJson(target.Self) });
            var where = target.Path.Length == 0 ? "<root>" : target.Path.TrimStart('.');
            switch (result)
            {
                case true:
                    break;
                case false:
                    errors.Add($"{where}: Invalid value: {target.Message}");
                    break;
                case CelError error:
                    errors.Add($"{where}: Invalid value: {error.Message} evaluating rule: {target.Message}");
                    break;
                default:
                    errors.Add($"{where}: rule did not evaluate to a bool: {target.Rule}");
                    break;
            }
        }

        return errors;
    }
}
