namespace K8sRelay.Operator.Runtime;

/// <summary>A list-and-watch loop of one kind, seen without its type parameters.</summary>
public interface IInformer
{
    /// <summary>The kind it watches.</summary>
    ResourceKind Kind { get; }

    /// <summary>True once the first list has filled the cache.</summary>
    bool HasSynced { get; }

    /// <summary>Lists and watches until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
