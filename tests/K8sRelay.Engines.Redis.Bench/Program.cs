using System.Globalization;
using K8sRelay.Engines.Redis.Bench;

// Usage: K8sRelay.Engines.Redis.Bench --redis HOST:PORT [--seconds N] [--warmup N] [--rates 10000,50000,100000]
//        [--in-flight 64,512] [--only all|plain|history]   (only != all skips the latency part)
// Prints Markdown tables: closed-loop publish throughput of one node, then two-node open-loop latency per rate.
var options = args.Select((value, index) => (value, index)).Where(p => p.value.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.value[2..], p => p.index + 1 < args.Length ? args[p.index + 1] : string.Empty, StringComparer.Ordinal);
var redis = options.GetValueOrDefault("redis", "127.0.0.1:6379");
var host = redis[..redis.LastIndexOf(':')];
var port = int.Parse(redis[(redis.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
var seconds = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "10"), CultureInfo.InvariantCulture));
var warmup = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture));
var rates = options.GetValueOrDefault("rates", "10000,50000,100000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var inFlight = options.GetValueOrDefault("in-flight", "64,512").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var only = options.GetValueOrDefault("only", "all");

Console.WriteLine("### Publications into Redis from one node (closed loop, no subscribers)");
Console.WriteLine();
Console.WriteLine("| publish | in flight | channels | payload | publications/s | node CPU µs/pub | Redis CPU µs/pub | Redis commands/pub | errors |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var history in only switch { "history" => new[] { true }, "plain" => [false], _ => [false, true] })
{
    foreach (var concurrency in inFlight)
    {
        Console.WriteLine(await ThroughputRun.RunAsync(host, port, history, concurrency, 1000, 100, warmup, seconds));
    }
}

if (only != "all")
{
    return;
}

Console.WriteLine();
Console.WriteLine("### Publish-to-deliver latency, node A → Redis → node B (open loop, no history)");
Console.WriteLine();
Console.WriteLine("| publications/s | channels | deliveries/s at B | p50 ms | p99 ms | p99.9 ms | lost | errors | process CPU (cores) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var rate in rates)
{
    Console.WriteLine(await LatencyRun.RunAsync(host, port, rate, 100, 100, warmup, seconds));
}
