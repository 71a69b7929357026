using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>
/// When staff close an event, each confirmed registrant who gave an e-mail address gets the survey: a personal link
/// that takes one answer until <see cref="SurveyOptions.AnswerDays"/> have passed. Written in the transaction of the
/// close, through the outbox, in the language they registered in; erasing the registration drops the e-mail if unsent.
/// </summary>
public sealed class SendSurveysWhenEventClosed(DbSession db, Outbox outbox, ISecretTokens tokens, SiteOptions site, SurveyOptions options)
    : INotificationHandler<EventClosed>
{
    public async ValueTask Handle(EventClosed notification, CancellationToken ct)
    {
        var row = await db.LoadAsync(notification.EventId, ct);
        var registrants = await db.QueryAsync<(Guid Id, string Email, string Language)>("""
            select r.id, r.email, r.language from registration r
            where r.event_id = @EventId and r.status = 'confirmed' and r.email is not null
              and not exists (select from survey_invitation s where s.registration_id = r.id)
            order by r.queue
            """, notification, ct);
        var expires = notification.At.AddDays(options.AnswerDays);
        foreach (var (registrationId, email, language) in registrants)
        {
            var token = tokens.New();
            await db.ExecuteAsync("""
                insert into survey_invitation (id, registration_id, event_id, token_hash, version, sent_at, expires_at)
                values (@Id, @registrationId, @EventId, @TokenHash, @Version, @At, @expires)
                """, new
            {
                Id = Guid.CreateVersion7(notification.At),
                registrationId,
                notification.EventId,
                TokenHash = SecretTokens.Hash(token),
                options.Version,
                notification.At,
                expires,
            }, ct);
            var (subject, body) = Compose(row, token, language == "en", expires, site);
            await outbox.EnqueueAsync(new OutboxMail("survey.invitation", email, subject, body, null, registrationId), ct);
        }
    }

    internal static (string Subject, string Body) Compose(EventRow row, string token, bool en, DateTimeOffset expires, SiteOptions site)
    {
        var walk = row.KindValue == EventKind.Walk;
        var culture = System.Globalization.CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE");
        var until = Time.Local(expires).ToString(en ? "d MMMM yyyy" : "d MMMM yyyy", culture);
        // The secret goes after '#': browsers never send the fragment to a server, so it stays out of every access log.
        var link = $"{site.PublicUrl.TrimEnd('/')}/enkat#{token}";
        var subject = en ? $"Four short questions about {row.Title}" : $"Fyra korta frågor om {row.Title}";
        string[] lines = en
            ?
            [
                "Hello,", "",
                $"Thank you for taking part in the {(walk ? "safety walk" : "safety dialogue")} {row.Title}.",
                "What did you think? Four short questions, about a minute. Your answer is anonymous: it is stored without your name or e-mail address.",
                "",
                $"Answer here, until {until}:", link, "",
                "The link is personal and takes one answer: do not share it.",
                "", "Kind regards", site.Organiser,
            ]
            :
            [
                "Hej!", "",
                $"Tack för att du var med på {(walk ? "trygghetsvandringen" : "trygghetsdialogen")} {row.Title}.",
                "Vad tyckte du? Fyra korta frågor, ungefär en minut. Ditt svar är anonymt: det sparas utan ditt namn och din e-postadress.",
                "",
                $"Svara här, senast {until}:", link, "",
                "Länken är personlig och tar emot ett svar: dela den inte.",
                "", "Med vänlig hälsning", site.Organiser,
            ];
        return (subject, string.Join('\n', lines));
    }
}
