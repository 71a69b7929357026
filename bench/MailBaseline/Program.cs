using System.Diagnostics;
using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

// A raw MailKit loop: COUNT messages, built as the outbox dispatcher builds them (sender, recipient, subject, a text part,
// the same text as HTML, an iCalendar attachment, a Message-ID), sent over CONNECTIONS persistent SMTP connections opened
// once, with nothing else: no database, no claims, no records. WARMUP messages go first, unmeasured.
//
//   Trygghet.Bench.MailBaseline HOST PORT CONNECTIONS COUNT WARMUP BODY_FILE CALENDAR_FILE

if (args.Length != 7)
{
    Console.Error.WriteLine("usage: Trygghet.Bench.MailBaseline HOST PORT CONNECTIONS COUNT WARMUP BODY_FILE CALENDAR_FILE");
    return 2;
}
var host = args[0];
var port = int.Parse(args[1], CultureInfo.InvariantCulture);
var connections = int.Parse(args[2], CultureInfo.InvariantCulture);
var count = int.Parse(args[3], CultureInfo.InvariantCulture);
var warmup = int.Parse(args[4], CultureInfo.InvariantCulture);
var body = File.ReadAllText(args[5]);
var calendar = File.ReadAllText(args[6]);
var html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5\">\n"
    + string.Join("\n", body.Split("\n\n").Select(p => "<p>" + string.Join("<br>\n", p.Split('\n').Select(System.Net.WebUtility.HtmlEncode)) + "</p>"))
    + "\n</body></html>";
var from = MailboxAddress.Parse("Trygghet Hägersten-Älvsjö <no-reply@trygghet.localhost>");

var clients = new List<SmtpClient>();
for (var i = 0; i < connections; i++)
{
    var client = new SmtpClient();
    await client.ConnectAsync(host, port, SecureSocketOptions.StartTlsWhenAvailable);
    clients.Add(client);
}

await SendAsync("baseline-warmup", warmup);
var clock = Stopwatch.StartNew();
await SendAsync("baseline", count);
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} messages in {seconds:F2} s: {count / seconds:F1} mails/s"));

foreach (var client in clients)
{
    await client.DisconnectAsync(true);
    client.Dispose();
}
return 0;

async Task SendAsync(string kind, int total)
{
    var next = -1;
    await Task.WhenAll(clients.Select(async client =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            var message = new MimeMessage { MessageId = $"{Guid.NewGuid():D}@trygghet.localhost", Subject = $"Ämne {i + 1}" };
            message.From.Add(from);
            message.To.Add(MailboxAddress.Parse($"{kind}{i + 1}@example.se"));
            var builder = new BodyBuilder { TextBody = body, HtmlBody = html };
            var ics = builder.Attachments.Add("evenemang.ics", System.Text.Encoding.UTF8.GetBytes(calendar), new ContentType("text", "calendar"));
            ics.ContentType.Parameters.Add("method", "PUBLISH");
            ics.ContentType.Charset = "utf-8";
            message.Body = builder.ToMessageBody();
            await client.SendAsync(message);
        }
    }));
}
