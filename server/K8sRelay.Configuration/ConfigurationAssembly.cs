namespace K8sRelay.Configuration;

/// <summary>Marker type for the configuration assembly.</summary>
public static class ConfigurationAssembly
{
}
