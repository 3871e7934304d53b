using System.Diagnostics;
using System.Globalization;

namespace K8sRelay.Testing.Processes;

/// <summary>
/// A server binary started directly (no shell, so the PID is the server's own) and stopped by that PID.
/// A missing binary fails the test with instructions; it never skips.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ExternalProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>Binary name, for messages.</summary>
    public string Name { get; }

    /// <summary>The server's PID.</summary>
    public int Pid => _process.Id;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Full path of <paramref name="binary"/> on PATH, or a failure naming the script that installs it.</summary>
    public static string RequireBinary(string binary)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, binary);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{binary}' is not on PATH. Install it with hack/test.sh (apt-get install redis-server redis-tools redis-sentinel nats-server).");
    }

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/>; output goes to <paramref name="logFile"/>.</summary>
    public static ExternalProcess Start(string binary, IEnumerable<string> arguments, string workingDirectory, string logFile)
    {
        var info = new ProcessStartInfo(RequireBinary(binary))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {binary}.");
        // Append each line with its own open/close so no writer outlives the process or races its exit.
        var gate = new Lock();
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                try
                {
                    File.AppendAllLines(logFile, [line]);
                }
                catch (IOException)
                {
                    // The folder is being deleted after the test; the line is not needed.
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ExternalProcess(process, binary);
    }

    /// <summary>Sends SIGTERM (a clean shutdown) and waits for the exit.</summary>
    public Task StopAsync() => SignalAndWaitAsync("TERM");

    /// <summary>Sends SIGKILL (a crash) and waits for the exit.</summary>
    public Task KillAsync() => SignalAndWaitAsync("KILL");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            await SignalAndWaitAsync("KILL");
        }

        _process.Dispose();
    }

    private async Task SignalAndWaitAsync(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        // The kill command sends exactly this signal to exactly this PID (Process.Kill only knows SIGKILL).
        var info = new ProcessStartInfo(RequireBinary("kill")) { UseShellExecute = false };
        info.ArgumentList.Add("-" + signal);
        info.ArgumentList.Add(_process.Id.ToString(CultureInfo.InvariantCulture));
        using (var kill = Process.Start(info) ?? throw new InvalidOperationException("Could not run kill."))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
