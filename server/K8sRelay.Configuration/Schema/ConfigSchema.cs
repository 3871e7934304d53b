using System.Collections.Concurrent;
using System.Reflection;

namespace K8sRelay.Configuration.Schema;

/// <summary>
/// The keys of each model type, found by reflection and cached. Keys come in a stable order:
/// <c>name</c> and <c>enabled</c> first (so a namespace starts with its name), then base-class
/// keys, then the type's own keys, each in declaration order.
/// </summary>
internal static class ConfigSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConfigProperty>> Cache = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, ConfigProperty>> ByKey = new();

    /// <summary>The keys of <paramref name="type"/>.</summary>
    public static IReadOnlyList<ConfigProperty> PropertiesOf(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>Finds the key named <paramref name="key"/> (exact snake_case) of <paramref name="type"/>.</summary>
    public static ConfigProperty? Find(Type type, string key)
    {
        var map = ByKey.GetOrAdd(type, t => PropertiesOf(t).ToDictionary(p => p.Key, StringComparer.Ordinal));
        return map.TryGetValue(key, out var property) ? property : null;
    }

    /// <summary>Creates a model object with its defaults.</summary>
    public static object CreateDefault(Type type) =>
        Activator.CreateInstance(type) ?? throw new InvalidOperationException($"Cannot create {type.Name}.");

    private static IReadOnlyList<ConfigProperty> Build(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var result = new List<ConfigProperty>();
        foreach (var declaring in chain)
        {
            var properties = declaring
                .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanRead && p.CanWrite)
                .OrderBy(p => p.MetadataToken);
            foreach (var property in properties)
            {
                result.Add(Describe(property));
            }
        }

        return [.. result.OrderBy(p => p.Key is "name" or "enabled" ? 0 : 1)];
    }

    private static ConfigProperty Describe(PropertyInfo property)
    {
        var key = ConfigKeyNames.ToSnakeCase(property.Name);
        var type = property.PropertyType;
        if (type == typeof(string))
        {
            return new(key, property, ConfigValueKind.String, null);
        }

        if (type == typeof(bool))
        {
            return new(key, property, ConfigValueKind.Bool, null);
        }

        if (type == typeof(int))
        {
            return new(key, property, ConfigValueKind.Int, null);
        }

        if (type == typeof(long))
        {
            return new(key, property, ConfigValueKind.Long, null);
        }

        if (type == typeof(TimeSpan))
        {
            return new(key, property, ConfigValueKind.Duration, null);
        }

        if (type == typeof(List<string>))
        {
            return new(key, property, ConfigValueKind.StringList, null);
        }

        if (type == typeof(Dictionary<string, string>))
        {
            return new(key, property, ConfigValueKind.StringMap, null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return new(key, property, ConfigValueKind.ObjectList, type.GetGenericArguments()[0]);
        }

        if (type.IsClass)
        {
            return new(key, property, ConfigValueKind.Section, null);
        }

        throw new NotSupportedException($"Configuration property {property.DeclaringType?.Name}.{property.Name} has an unsupported type {type.Name}.");
    }
}
