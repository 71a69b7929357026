using System.Diagnostics;
using System.Text;

namespace Trygghet.Api.Tests.Support;

/// <summary>
/// The built API (<c>api/bin/…/Trygghet.Api.dll</c>) as a process of its own, started as an operator starts it: only
/// the environment variables given (nothing inherited that configures the API), its output collected.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private ApiProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string Stdout { get { lock (stdout) return stdout.ToString(); } }

    public string Stderr { get { lock (stderr) return stderr.ToString(); } }

    public static ApiProcess Start(IDictionary<string, string> environment)
    {
        var port = PostgresServer.FreePort();
        var dll = Dll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.ToList())
            if (key.Contains("__", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || key == "DATABASE_URL")
                start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var api = new ApiProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (api.stdout) api.stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (api.stderr) api.stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    /// <summary>The exit code, once the process has ended by itself; fails after <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        process.WaitForExit(); // the output's last lines
        return process.ExitCode;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails when the process ends first or after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API exited with {process.ExitCode}:\n{Stderr}\n{Stdout}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The API was not ready within {timeout}:\n{Stderr}\n{Stdout}");
            await Task.Delay(250);
        }
    }

    /// <summary>Ends the process at once with SIGKILL, as a crash would: no shutdown, nothing released.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    /// <summary>The API built beside these tests (same configuration: Debug or Release).</summary>
    private static string Dll()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        for (var dir = tests; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Trygghet.Api.sln")))
                return Path.Combine(dir.FullName, "api", "bin", configuration, framework, "Trygghet.Api.dll");
        throw new InvalidOperationException("Trygghet.Api.sln not found above " + AppContext.BaseDirectory);
    }
}
