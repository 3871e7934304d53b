using k8s.Models;

namespace K8sRelay.Operator.Status;

/// <summary>Sets conditions the conventional way: lastTransitionTime changes only when the status flips.</summary>
public static class Conditions
{
    /// <summary>Sets or adds condition <paramref name="type"/> in <paramref name="conditions"/>.</summary>
    public static void Set(List<V1Condition> conditions, string type, bool? status, string reason, string message, long? generation, DateTime now)
    {
        var text = status switch { true => "True", false => "False", null => "Unknown" };
        var existing = conditions.FindIndex(c => c.Type == type);
        var transition = existing >= 0 && conditions[existing].Status == text ? conditions[existing].LastTransitionTime : now;
        var condition = new V1Condition
        {
            Type = type,
            Status = text,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = transition,
        };
        if (existing >= 0)
        {
            conditions[existing] = condition;
        }
        else
        {
            conditions.Add(condition);
        }
    }

    /// <summary>The status of a condition, or null when it is absent or Unknown.</summary>
    public static bool? Get(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type)?.Status switch { "True" => true, "False" => false, _ => null };
}
