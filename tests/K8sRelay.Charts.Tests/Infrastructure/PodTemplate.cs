using System.Text.Json.Nodes;

namespace K8sRelay.Charts.Tests.Infrastructure;

/// <summary>Shortcuts into the pod template of a rendered Deployment.</summary>
/// <param name="Deployment">The Deployment.</param>
public sealed record PodTemplate(JsonObject Deployment)
{
    /// <summary>spec.template.spec.</summary>
    public JsonObject Spec => Deployment["spec"]!["template"]!["spec"]!.AsObject();

    /// <summary>spec.template.metadata.annotations.</summary>
    public JsonObject Annotations => Deployment["spec"]!["template"]!["metadata"]!["annotations"]?.AsObject() ?? [];

    /// <summary>The first container.</summary>
    public JsonObject Container => Spec["containers"]![0]!.AsObject();

    /// <summary>The container's environment variables by name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Env =>
        (Container["env"]?.AsArray() ?? []).ToDictionary(e => (string)e!["name"]!, e => e!.AsObject());

    /// <summary>The Secret name and key an environment variable comes from.</summary>
    public (string Secret, string Key) SecretOf(string variable)
    {
        Assert.True(Env.TryGetValue(variable, out var env), $"{variable} is not set; the container has {string.Join(", ", Env.Keys)}");
        var reference = env["valueFrom"]?["secretKeyRef"] ?? throw new Xunit.Sdk.XunitException($"{variable} does not come from a Secret");
        return ((string)reference["name"]!, (string)reference["key"]!);
    }

    /// <summary>The container's ports by name.</summary>
    public IReadOnlyDictionary<string, int> Ports =>
        (Container["ports"]?.AsArray() ?? []).ToDictionary(p => (string)p!["name"]!, p => (int)p!["containerPort"]!);
}
