using K8sRelay.Operator.Crds;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Tests.Crds;

public sealed class CrdDriftTests
{
    [Fact]
    public void CheckedInCrd_EqualsGeneratedFromEntityTypes()
    {
        var crd = CrdGenerator.Generate(typeof(V1Alpha1RealtimeCluster));
        var path = Path.Combine(RepositoryPaths.Crds, CrdGenerator.FileName(crd));

        Assert.True(File.Exists(path), $"crds/{CrdGenerator.FileName(crd)} is missing; run hack/generate-crds.sh");
        Assert.True(File.ReadAllText(path) == CrdGenerator.ToYaml(crd),
            $"crds/{CrdGenerator.FileName(crd)} differs from the entity types; run hack/generate-crds.sh and commit the result");
    }

    [Fact]
    public void GeneratedCrd_HasScaleSubresourceWithSelector_ForTheHpa()
    {
        var scale = CrdGenerator.Generate(typeof(V1Alpha1RealtimeCluster)).Spec.Versions[0].Subresources.Scale;

        Assert.Equal(".spec.replicas", scale.SpecReplicasPath);
        Assert.Equal(".status.replicas", scale.StatusReplicasPath);
        Assert.Equal(".status.selector", scale.LabelSelectorPath);
    }

    [Fact]
    public void GeneratedCrd_CarriesDescriptionsDefaultsAndCelRules()
    {
        var schema = CrdGenerator.Generate(typeof(V1Alpha1RealtimeCluster)).Spec.Versions[0].Schema.OpenAPIV3Schema;
        var spec = schema.Properties["spec"];

        Assert.StartsWith("Desired number of server pods", spec.Properties["replicas"].Description, StringComparison.Ordinal);
        Assert.Equal(1, Convert.ToInt32(spec.Properties["replicas"].DefaultProperty, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(spec.XKubernetesValidations, r => r.Rule == "self.engine.type != 'Memory' || self.replicas <= 1");
        Assert.True(spec.Properties["config"].Properties["raw"].XKubernetesPreserveUnknownFields);
        Assert.True(spec.Properties["rollout"].Properties["maxSurge"].XKubernetesIntOrString);
    }
}
