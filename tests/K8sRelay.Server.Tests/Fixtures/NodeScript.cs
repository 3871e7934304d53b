using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace K8sRelay.Server.Tests.Fixtures;

/// <summary>
/// Runs an interop scenario from <c>tests/interop/scenarios</c> with the real npm clients under Node.
/// A missing <c>node</c> or missing npm packages fail the test with a message saying how to install them.
/// </summary>
public static class NodeScript
{
    private static readonly Lazy<string> InteropDirectory = new(FindInteropDirectory);

    /// <summary>Runs a scenario and returns its RESULT object.</summary>
    /// <param name="scenario">File name without extension.</param>
    /// <param name="args">Arguments passed as one JSON string.</param>
    /// <param name="onLine">Called for every other line the script prints (e.g. READY).</param>
    public static async Task<JsonElement> RunAsync(string scenario, object args, Func<string, Task>? onLine = null, TimeSpan? timeout = null)
    {
        var directory = InteropDirectory.Value;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("scenarios", scenario + ".mjs"));
        start.ArgumentList.Add(JsonSerializer.Serialize(args));

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("node is not installed: run hack/test.sh, which installs it (apt-get install nodejs)", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
            string? result = null;
            var output = new StringBuilder();
            try
            {
                while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
                {
                    output.AppendLine(line);
                    if (line.StartsWith("RESULT ", StringComparison.Ordinal))
                    {
                        result = line["RESULT ".Length..];
                    }
                    else if (onLine is not null)
                    {
                        await onLine(line);
                    }
                }

                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"scenario {scenario} did not finish; output:\n{output}\n{await stderr}");
            }

            if (result is null)
            {
                throw new InvalidOperationException($"scenario {scenario} printed no RESULT (exit {process.ExitCode}); output:\n{output}\nstderr:\n{await stderr}");
            }

            var element = JsonDocument.Parse(result).RootElement.Clone();
            if (element.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"scenario {scenario} failed: {error}; stderr:\n{await stderr}");
            }

            return element;
        }
    }

    private static string FindInteropDirectory()
    {
        var candidate = K8sRelay.Testing.RepositoryPaths.Combine("tests", "interop");
        if (!Directory.Exists(Path.Combine(candidate, "node_modules", "centrifuge")))
        {
            throw new InvalidOperationException($"npm packages are missing in {candidate}: run hack/test.sh (it runs npm install there)");
        }

        return candidate;
    }
}
