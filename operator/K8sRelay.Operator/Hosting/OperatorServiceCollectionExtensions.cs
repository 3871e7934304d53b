using k8s;
using K8sRelay.Operator;
using K8sRelay.Operator.Controllers;
using K8sRelay.Operator.Diagnostics;
using K8sRelay.Operator.Runtime;
using K8sRelay.Operator.ServerApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the RealtimeCluster operator.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the operator: options from the "Operator" section, one Kubernetes client for the process (in-cluster
    /// config, or the kubeconfig file outside a cluster, unless a KubernetesClientConfiguration is registered),
    /// the controller, the leader-electing host, metrics and the server API client.
    /// </summary>
    public static IServiceCollection AddRelayOperator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile());
        services.TryAddSingleton<IKubernetes>(sp => new Kubernetes(sp.GetRequiredService<KubernetesClientConfiguration>(), new CoreGroupPathHandler()));
        services.TryAddSingleton<IServerEndpointResolver, InClusterEndpointResolver>();
        services.AddHttpClient<RelayServerClient>();
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<ChildWriter>();
        services.AddSingleton<RealtimeClusterController>();
        services.AddSingleton<ControllerTerm>();
        services.AddSingleton<OperatorHost>();
        services.AddHostedService(sp => sp.GetRequiredService<OperatorHost>());
        return services;
    }
}
