using k8s;
using k8s.Models;

namespace K8sRelay.Operator.Runtime;

/// <summary>Namespace and name of an object; the unit of work of the work queue.</summary>
/// <param name="Namespace">Namespace of the object.</param>
/// <param name="Name">Name of the object.</param>
public readonly record struct ObjectKey(string Namespace, string Name)
{
    /// <summary>The key of an object.</summary>
    public static ObjectKey Of(IKubernetesObject<V1ObjectMeta> obj) => new(obj.Metadata.NamespaceProperty ?? "", obj.Metadata.Name);

    /// <inheritdoc />
    public override string ToString() => Namespace + "/" + Name;
}
