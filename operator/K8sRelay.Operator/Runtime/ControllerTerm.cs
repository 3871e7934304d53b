using k8s;
using K8sRelay.Operator.Controllers;
using K8sRelay.Operator.Diagnostics;
using Microsoft.Extensions.Options;

namespace K8sRelay.Operator.Runtime;

/// <summary>
/// One leadership term: starts the informers, waits for their first list, then runs the reconcile workers and a
/// periodic resync until the term ends. In-flight reconciliations get <see cref="OperatorOptions.ShutdownTimeout"/>
/// to finish when the term ends.
/// </summary>
public sealed partial class ControllerTerm(
    IKubernetes client,
    RealtimeClusterController controller,
    OperatorMetrics metrics,
    IOptions<OperatorOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<ControllerTerm>();

    /// <summary>The caches of the running term, or null between terms.</summary>
    public ClusterCaches? Caches { get; private set; }

    /// <summary>Runs a term until <paramref name="leadership"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken leadership)
    {
        var settings = options.Value;
        using var queue = new WorkQueue(time, metrics.QueueDepth);
        var informerOptions = new InformerOptions { WatchTimeout = settings.WatchTimeout };
        var caches = new ClusterCaches(client, string.IsNullOrEmpty(settings.WatchNamespace) ? null : settings.WatchNamespace, queue.Add, informerOptions, metrics, time, loggers);
        Caches = caches;
        using var hardStop = new CancellationTokenSource();
        await using var onEnd = leadership.Register(() => hardStop.CancelAfter(settings.ShutdownTimeout));
        var informers = caches.All.Select(i => Task.Run(() => i.RunAsync(leadership), CancellationToken.None)).ToList();
        try
        {
            while (!caches.HasSynced)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, leadership).ConfigureAwait(false);
            }

            var backoff = new RetryBackoff(settings.RetryMinDelay, settings.RetryMaxDelay);
            var workers = Enumerable.Range(0, settings.Workers).Select(_ => WorkAsync(queue, caches, backoff, leadership, hardStop.Token)).ToList();
            using var resync = time.CreateTimer(_ =>
            {
                foreach (var cluster in caches.Clusters.All())
                {
                    queue.Add(ObjectKey.Of(cluster));
                }
            }, null, settings.ResyncPeriod, settings.ResyncPeriod);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, leadership).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            queue.ShutDown();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leadership.IsCancellationRequested)
        {
        }
        finally
        {
            queue.ShutDown();
            await Task.WhenAll(informers).ConfigureAwait(false);
            Caches = null;
        }
    }

    private async Task WorkAsync(WorkQueue queue, ClusterCaches caches, RetryBackoff backoff, CancellationToken take, CancellationToken hardStop)
    {
        while (true)
        {
            ObjectKey? next;
            try
            {
                next = await queue.TakeAsync(take).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (next is not { } key)
            {
                return;
            }

            var started = time.GetTimestamp();
            try
            {
                var result = await controller.ReconcileAsync(key, caches, hardStop).ConfigureAwait(false);
                backoff.Forget(key);
                metrics.Reconciled("success", time.GetElapsedTime(started));
                if (result.RequeueAfter is { } delay)
                {
                    queue.AddAfter(key, delay);
                }
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = backoff.Next(key);
                metrics.Reconciled("error", time.GetElapsedTime(started));
                Log.ReconcileFailed(_logger, key.ToString(), backoff.Failures(key), delay, e);
                await controller.ReportFailureAsync(key, caches, e, hardStop).ConfigureAwait(false);
                queue.AddAfter(key, delay);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }
}
