using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Trygghet.Api.Infrastructure;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Features.Events;

public sealed class InvitationMailTests(ApiFixture fixture) : ApiTest(fixture)
{
    private DateTimeOffset Now => Api.Clock.GetUtcNow();

    private static string Token(MimeMessage mail) => Regex.Match(mail.TextBody ?? "", "/svar#([A-Za-z0-9_-]{43})").Groups[1].Value;

    [Fact]
    public async Task An_invited_actor_gets_a_real_MIME_mail_with_the_RSVP_link_and_the_event_as_iCalendar()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, _) = await planner.RequiredActorsAsync();
        await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] });

        Assert.Empty(Api.Mails()); // queued, not yet sent
        Assert.Equal(1, await Api.DispatchAsync());
        var mail = Assert.Single(Api.Mails());
        var answer = await Api.Client().AnswerRsvpAsync(Token(mail), new RsvpRequest { Answer = RsvpAnswer.Accept });

        Assert.Equal("globen@polisen.example", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("Inbjudan till trygghetsdialog", mail.Subject);
        var ics = Assert.Single(mail.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        Assert.Contains("BEGIN:VEVENT", System.Text.Encoding.UTF8.GetString(content.ToArray()));
        Assert.DoesNotContain("meet.example.se", mail.TextBody);
        Assert.Equal(InvitationStatus.Accepted, answer.Status);
        Assert.Equal("", await Scalar<string>("select body from outbox")); // the link is not kept once sent
        Assert.Equal(0, await Api.DispatchAsync()); // nothing is sent twice
    }

    [Fact]
    public async Task An_unanswered_invitation_is_reminded_once_with_a_new_link()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, _) = await planner.RequiredActorsAsync();
        await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] });
        await Api.DispatchAsync();
        var firstToken = Token(Api.Mails().Single());

        Api.Clock.Set(Now.AddDays(6));
        await Api.DispatchAsync();
        Assert.Single(Api.Mails());
        Api.Clock.Set(Now.AddDays(2));
        await Api.DispatchAsync();
        await Api.DispatchAsync();

        var mails = Api.Mails();
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Påminnelse: ", mails[1].Subject);
        var stale = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => Api.Client().GetRsvpAsync(firstToken));
        Assert.Equal(404, stale.StatusCode);
        Assert.Equal("Lokalpolisområde Globen", (await Api.Client().GetRsvpAsync(Token(mails[1]))).Organisation);
    }

    [Fact]
    public async Task A_failed_send_is_kept_and_retried_later()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var (police, _) = await planner.RequiredActorsAsync();
        await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id] });
        File.WriteAllText(Api.MailDirectory, "a file where the mail folder should be");
        try
        {
            await Api.DispatchAsync();
            Assert.Equal(1, await Scalar<int>("select attempts from outbox where sent_at is null"));
        }
        finally
        {
            File.Delete(Api.MailDirectory);
        }

        Assert.Equal(0, await Api.DispatchAsync()); // backing off
        Api.Clock.Set(Now.AddMinutes(5));
        Assert.Equal(1, await Api.DispatchAsync());
        Assert.Single(Api.Mails());
    }

    [Fact]
    public async Task Two_API_instances_dispatching_at_once_send_each_message_exactly_once()
    {
        var planner = await Planner.StaffAsync(Api);
        var draft = await planner.Staff.CreateEventAsync(Planner.Dialogue(Now.AddDays(30)));
        var actors = new List<Guid>();
        for (var i = 0; i < 60; i++)
            actors.Add((await planner.Staff.CreateActorAsync(new ActorInput
            {
                Organisation = $"Förening {i}",
                Kind = ActorKind.Association,
                Contact = new ActorContact { Email = $"forening{i}@example.se" },
            })).Id);
        await planner.Staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = actors });
        await using var second = new ApiFactory(Fixture.Postgres.ConnectionString, settings: new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        // Small batches, and each instance's first message waits until the other has begun one: both claim, both send.
        TaskCompletionSource[] begun = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        var dispatchers = new[] { Api, second }.Select((api, i) => ActivatorUtilities.CreateInstance<OutboxDispatcher>(api.Services,
            new MailOptions { BatchSize = 10 }, new MeetingSender(api.Services.GetRequiredService<IMailSender>(), begun[i], begun[1 - i].Task))).ToArray();

        var sent = 0;
        for (var round = 0; round < 5 && sent < 60; round++)
            sent += (await Task.WhenAll(dispatchers.Select(d => d.DispatchOnceAsync(CancellationToken.None)))).Sum();

        var files = new[] { Api.MailDirectory, second.MailDirectory }
            .Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d, "*.eml")).Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(60, sent);
        Assert.True(Directory.Exists(Api.MailDirectory) && Directory.Exists(second.MailDirectory), "both instances sent a share");
        Assert.Equal(60, files.Count);
        Assert.Equal(60, files.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(0L, await Scalar<long>("select count(*) from outbox where sent_at is null"));
        if (Directory.Exists(second.MailDirectory)) Directory.Delete(second.MailDirectory, recursive: true);
    }

    /// <summary>Sends through <paramref name="inner"/> once the other instance has begun sending too.</summary>
    private sealed class MeetingSender(IMailSender inner, TaskCompletionSource begun, Task otherBegun) : IMailSender
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            begun.TrySetResult();
            await otherBegun.WaitAsync(TimeSpan.FromSeconds(30), ct);
            await inner.SendAsync(message, ct);
        }
    }
}
