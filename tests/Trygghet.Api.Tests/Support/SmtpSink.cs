using System.Diagnostics;
using System.Globalization;

namespace Trygghet.Api.Tests.Support;

/// <summary>One message the sink took: its Message-ID (without angle brackets), recipient and the client port it came over.</summary>
public sealed record SunkMail(double At, string MessageId, int Bytes, string Recipient, int ClientPort);

/// <summary>
/// A real SMTP server on loopback for a test: Debian's python3-aiosmtpd running <c>tests/smtp-sink/smtp_sink.py</c> on a
/// free port below 32768, which records every message it takes. Stopped on dispose.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;

    private SmtpSink(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string LogPath => Path.Combine(directory, "sink.log");

    /// <param name="rejectFirst">The first this many messages are answered 451 (a transient failure).</param>
    /// <param name="port">A port to listen on; a free one when not given.</param>
    public static async Task<SmtpSink> StartAsync(int rejectFirst = 0, int? port = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "smtp-sink", "smtp_sink.py");
        var directory = Directory.CreateTempSubdirectory("trygghet-smtp-sink-").FullName;
        var chosen = port ?? PostgresServer.FreePort();
        var ready = Path.Combine(directory, "ready");
        var start = new ProcessStartInfo("/usr/bin/python3",
            [script, "--port", chosen.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(directory, "sink.log"),
             "--ready", ready, "--reject-first", rejectFirst.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(ready))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The SMTP sink exited ({process.ExitCode}); is python3-aiosmtpd installed? {await stderr}");
            if (deadline.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("The SMTP sink did not start within 30 s.");
            await Task.Delay(50);
        }
        return new SmtpSink(process, directory, chosen);
    }

    /// <summary>The messages taken so far, in order of arrival.</summary>
    public List<SunkMail> Mails()
    {
        if (!File.Exists(LogPath)) return [];
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var mails = new List<SunkMail>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length < 5) continue; // a line being written
            mails.Add(new SunkMail(double.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture),
                parts[3], int.Parse(parts[4], CultureInfo.InvariantCulture)));
        }
        return mails;
    }

    /// <summary>Waits until the sink has taken at least <paramref name="count"/> messages.</summary>
    public async Task<List<SunkMail>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var mails = Mails();
            if (mails.Count >= count || deadline.Elapsed > timeout) return mails;
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
