using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Support;

/// <summary>The outbox and the mail folder as tests see them: dispatch by hand, read back the .eml files.</summary>
public static class MailFolder
{
    /// <summary>One round of the periodic jobs (reminders, retention), then one of the outbox dispatcher, as the background services run them.</summary>
    public static async Task<int> DispatchAsync(this ApiFactory api)
    {
        await api.Services.GetRequiredService<PeriodicJobRunner>().RunOnceAsync(CancellationToken.None);
        return await api.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
    }

    /// <summary>The messages written so far, oldest first, parsed as MIME.</summary>
    public static List<MimeMessage> Mails(this ApiFactory api) => Directory.Exists(api.MailDirectory)
        ? Directory.GetFiles(api.MailDirectory, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
        : [];

    /// <summary>The text of a message's iCalendar attachment, if it has one.</summary>
    public static async Task<string?> CalendarOf(MimeMessage mail)
    {
        if (mail.Attachments.OfType<MimePart>().FirstOrDefault(a => a.ContentType.MimeType == "text/calendar") is not { } ics) return null;
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }
}
