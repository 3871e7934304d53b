using K8sRelay.Operator.Crds;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.Hosting;

if (args is ["generate-crds", var directory])
{
    var crd = CrdGenerator.Generate(typeof(V1Alpha1RealtimeCluster));
    Directory.CreateDirectory(directory);
    await File.WriteAllTextAsync(Path.Combine(directory, CrdGenerator.FileName(crd)), CrdGenerator.ToYaml(crd));
    return 0;
}

await using var app = OperatorApplication.Build(args);
await app.RunAsync();
return 0;
