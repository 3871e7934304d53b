using System.Reflection;
using k8s;
using k8s.Models;

namespace K8sRelay.Operator.Crds;

/// <summary>Generates the CustomResourceDefinition of an entity type from its C# shape, attributes and XML docs.</summary>
public static class CrdGenerator
{
    /// <summary>Builds the CRD object of <paramref name="entityType"/>.</summary>
    public static V1CustomResourceDefinition Generate(Type entityType)
    {
        var entity = entityType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{entityType.Name} has no [KubernetesEntity] attribute.", nameof(entityType));
        var names = entityType.GetCustomAttribute<ResourceNamesAttribute>() ?? new ResourceNamesAttribute();
        var docs = XmlDocumentation.Load(entityType.Assembly);
        var schemas = new CrdSchemaBuilder(docs);

        var root = schemas.ObjectSchema(entityType);
        root.Properties["metadata"] = new V1JSONSchemaProps { Type = "object" };
        root.Properties["apiVersion"].Description = "APIVersion defines the versioned schema of this representation of an object.";
        root.Properties["kind"].Description = "Kind is a string value representing the REST resource this object represents.";
        root.Properties["spec"].DefaultProperty = null;
        root.Properties["apiVersion"].DefaultProperty = null;
        root.Properties["kind"].DefaultProperty = null;
        root.Required = ["spec"];

        var scale = entityType.GetCustomAttribute<ScaleSubresourceAttribute>();
        var version = new V1CustomResourceDefinitionVersion
        {
            Name = entity.ApiVersion,
            Served = true,
            Storage = true,
            Schema = new V1CustomResourceValidation { OpenAPIV3Schema = root },
            Subresources = new V1CustomResourceSubresources
            {
                Status = new Dictionary<string, object>(),
                Scale = scale is null ? null : new V1CustomResourceSubresourceScale
                {
                    SpecReplicasPath = scale.SpecReplicasPath,
                    StatusReplicasPath = scale.StatusReplicasPath,
                    LabelSelectorPath = scale.LabelSelectorPath,
                },
            },
            AdditionalPrinterColumns = [.. entityType.GetCustomAttributes<PrinterColumnAttribute>().Select(c => new V1CustomResourceColumnDefinition
            {
                Name = c.Name,
                Type = c.Type,
                JsonPath = c.JsonPath,
                Description = c.Description,
                Priority = c.Priority == 0 ? null : c.Priority,
            })],
        };

        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{entity.PluralName}.{entity.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = entity.PluralName,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = names.ShortNames.Length > 0 ? names.ShortNames : null,
                    Categories = names.Categories.Length > 0 ? names.Categories : null,
                },
                Versions = [version],
            },
        };
    }

    /// <summary>Renders the CRD as the YAML checked in under crds/.</summary>
    public static string ToYaml(V1CustomResourceDefinition crd) =>
        "# Generated from the operator's entity types by `k8srelay-operator generate-crds`. Do not edit.\n" +
        KubernetesYaml.Serialize(crd).TrimEnd('\n') + "\n";

    /// <summary>File name of a CRD under crds/: &lt;plural&gt;.&lt;group&gt;.yaml.</summary>
    public static string FileName(V1CustomResourceDefinition crd) => crd.Metadata.Name + ".yaml";
}
