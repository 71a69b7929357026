using System.Globalization;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The private question link, to be e-mailed to the asker.</summary>
/// <param name="QuestionToken">The secret of the private question link (the part after <c>#</c>), as the receipt gave it.</param>
/// <param name="Email">Where to send the link. Used for this one message and erased once it is sent.</param>
public sealed record QuestionReceiptEmailRequest(string QuestionToken, string Email);

/// <summary>
/// The asker e-mails the private link of a question to themselves. The address goes into the outbox for this one
/// message and is erased there once it is sent (or given up); the question never learns it.
/// Answers whether this was a replay of an earlier request with the same Idempotency-Key (nothing sent again).
/// </summary>
public sealed record EmailQuestionReceiptCommand(string IdempotencyKey, QuestionReceiptEmailRequest Request, string Language) : ICommand<bool>;

public sealed class EmailQuestionReceiptValidator : AbstractValidator<EmailQuestionReceiptCommand>
{
    public EmailQuestionReceiptValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(Idempotency.LooksValid)
            .WithMessage(_ => CommonTexts.IdempotencyInvalid.Format()).OverridePropertyName(Idempotency.Header);
        RuleFor(c => c.Request).NotNull().OverridePropertyName("");
        RuleFor(c => c.Request.QuestionToken).Must(SecretTokens.LooksValid).WithMessage(_ => QuestionTexts.BadLink.Format())
            .OverridePropertyName("questionToken");
        RuleFor(c => c.Request.Email).NotEmpty().OverridePropertyName("email");
        RuleFor(c => c.Request.Email).MaximumLength(320).Must(RegistrationRules.IsAnAddress).WithMessage(_ => RegistrationTexts.EmailInvalid.Format())
            .When(c => !string.IsNullOrWhiteSpace(c.Request.Email)).OverridePropertyName("email");
    }
}

public sealed class EmailQuestionReceiptHandler(DbSession db, Outbox outbox, TimeProvider clock, SiteOptions site)
    : ICommandHandler<EmailQuestionReceiptCommand, bool>
{
    /// <summary>The question and the event it was asked at, as the e-mail names them.</summary>
    private sealed record Asked(string Title, DateTimeOffset StartsAt);

    private const string Queued = "queued";

    public async ValueTask<bool> Handle(EmailQuestionReceiptCommand command, CancellationToken ct)
    {
        var email = command.Request.Email.Trim();
        // Salted with the client's key, which the server never keeps: the stored hash cannot be matched to an address.
        var requestHash = Idempotency.RequestHash($"question-receipt-email/{command.IdempotencyKey}", command.Request with { Email = email });
        if (await db.ClaimOrReplayAsync<string>(command.IdempotencyKey, "question-receipt-email", requestHash, clock.GetUtcNow(), ct) is not null)
            return true;

        var asked = await db.QuerySingleOrDefaultAsync<Asked>("""
            select e.title, e.starts_at from question q join event e on e.id = q.event_id where q.token_hash = @Hash
            """, new { Hash = SecretTokens.Hash(command.Request.QuestionToken) }, ct)
            ?? throw new NotFoundException(QuestionTexts.LinkUnknown);

        var (subject, body) = QuestionReceiptMail.Compose(asked.Title, asked.StartsAt, command.Request.QuestionToken, command.Language, site);
        await outbox.EnqueueAsync(new OutboxMail("question.receipt", email, subject, body, null, KeepRecipient: false), ct);
        await db.StoreAnswerAsync(command.IdempotencyKey, StatusCodes.Status202Accepted, Queued, ct);
        return false;
    }
}

/// <summary>The e-mail with the private question link, in the language of the request (Swedish or English).</summary>
internal static class QuestionReceiptMail
{
    public static (string Subject, string Body) Compose(string title, DateTimeOffset startsAt, string token, string language, SiteOptions site)
    {
        var en = language == "en";
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE");
        var when = Time.Local(startsAt).ToString(en ? "dddd d MMMM yyyy 'at' HH:mm" : "dddd d MMMM yyyy 'kl.' HH:mm", culture);
        // The secret goes after '#': browsers never send the fragment to a server, so it stays out of every access log.
        var link = $"{site.PublicUrl.TrimEnd('/')}/fraga#{token}";
        string[] lines = en
            ?
            [
                "Hello,", "",
                $"Here is the link to the question you asked for {title}, {when}.", "",
                "Through it you can see whether your question has been published, the reason if a moderator rejected it, and the answers it gets. "
                + "The link is personal: share it only with someone you want to see your question.",
                link, "",
                "We do not keep your e-mail address: it is erased as soon as this message has been sent.", "",
                "Kind regards", site.Organiser,
            ]
            :
            [
                "Hej!", "",
                $"Här är länken till frågan du ställde till {title}, {when}.", "",
                "Med länken ser du om din fråga har publicerats, varför om en moderator har avvisat den, och svaren den får. "
                + "Länken är personlig: dela den bara med någon som du vill ska se din fråga.",
                link, "",
                "Vi sparar inte din e-postadress: den raderas så snart det här meddelandet har skickats.", "",
                "Med vänlig hälsning", site.Organiser,
            ];
        return (en ? $"Your question to {title}" : $"Din fråga till {title}", string.Join('\n', lines));
    }
}
