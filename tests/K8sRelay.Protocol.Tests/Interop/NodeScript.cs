using System.Diagnostics;
using System.Reflection;

namespace K8sRelay.Protocol.Tests.Interop;

/// <summary>
/// Runs one of the test project's Node scripts with the interop npm packages available. A missing
/// <c>node</c> executable or missing packages fail the test: these checks are never skipped.
/// </summary>
internal static class NodeScript
{
    /// <summary>Directory holding <c>node_modules</c> with centrifuge-js, from the build.</summary>
    public static string InteropDirectory { get; } =
        typeof(NodeScript).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "InteropDirectory").Value!;

    /// <summary>Runs <paramref name="scriptName"/> with <paramref name="input"/> on stdin and returns its stdout.</summary>
    public static async Task<string> RunAsync(string scriptName, string input)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", scriptName);
        Assert.True(File.Exists(script), $"script {script} was not copied to the output");
        Assert.True(
            Directory.Exists(Path.Combine(InteropDirectory, "node_modules", "centrifuge")),
            $"centrifuge-js is not installed under {InteropDirectory}; run npm ci there");

        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["INTEROP_DIR"] = InteropDirectory;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"node {scriptName} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
