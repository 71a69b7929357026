using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Actors;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>A resident's question.</summary>
/// <param name="Text">The question, 3–1,000 characters of plain text (HTML is shown as typed, never interpreted).</param>
/// <param name="DisplayName">A name to show with the question (1–60 characters); anonymous when left out. Screened like the text.</param>
/// <param name="AddresseeKind">Whom the question is for: police, politicians, the administration…</param>
/// <param name="AddresseeActorId">Or one organisation taking part.</param>
public sealed record QuestionRequest(string Text, string? DisplayName = null, ActorKind? AddresseeKind = null, Guid? AddresseeActorId = null);

/// <summary>The answer to a new question, given once: the private link is not stored in readable form.</summary>
/// <param name="Status"><c>published</c> at once (post-moderation, nothing flagged) or <c>pending</c>.</param>
/// <param name="HeldFor">Why the question waits for a moderator although the event is post-moderated: what looked like personal data in its text or display name.</param>
/// <param name="QuestionToken">The secret of the private question link; send it in the <c>X-Question-Token</c> header.</param>
/// <param name="QuestionUrl">The private page where the asker follows the question (moderation, reason of a rejection, answers).</param>
public sealed record AskReceipt(Guid Id, Guid EventId, QuestionStatus Status, IReadOnlyList<PersonalDataKind> HeldFor, string QuestionToken, string QuestionUrl);

/// <param name="Replayed">True when this is the stored answer of an earlier request with the same Idempotency-Key.</param>
public sealed record AskOutcome(AskReceipt Receipt, bool Replayed);

/// <summary>A resident asks a dialogue a question, anonymously, before or during the event.</summary>
public sealed record AskQuestionCommand(Guid EventId, string IdempotencyKey, QuestionRequest Request) : ICommand<AskOutcome>;

public sealed class AskQuestionValidator : AbstractValidator<AskQuestionCommand>
{
    public AskQuestionValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(Idempotency.LooksValid)
            .WithMessage(_ => CommonTexts.IdempotencyInvalid.Format()).OverridePropertyName(Idempotency.Header);
        RuleFor(c => c.Request).NotNull().OverridePropertyName("");
        RuleFor(c => c.Request.Text).QuestionBody().OverridePropertyName("text");
        RuleFor(c => c.Request.DisplayName).Must(n => n is null || n.Trim().Length is >= 1 and <= 60).Must(QuestionTextRules.IsPlain)
            .OverridePropertyName("displayName");
        RuleFor(c => c.Request.AddresseeKind).IsInEnum().OverridePropertyName("addresseeKind");
        RuleFor(c => c.Request.AddresseeActorId).NotEqual(Guid.Empty).OverridePropertyName("addresseeActorId");
    }
}

public sealed class AskQuestionHandler(DbSession db, TimeProvider clock, ISecretTokens tokens, SiteOptions site) : ICommandHandler<AskQuestionCommand, AskOutcome>
{
    public async ValueTask<AskOutcome> Handle(AskQuestionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var request = command.Request with
        {
            Text = command.Request.Text.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(command.Request.DisplayName) ? null : command.Request.DisplayName.Trim(),
        };
        var requestHash = Idempotency.RequestHash($"question/{command.EventId}", request);
        if (await db.ClaimOrReplayAsync<AskReceipt>(command.IdempotencyKey, "question", requestHash, now, ct) is { } earlier)
            return new AskOutcome(earlier, Replayed: true);

        var dialogue = await QuestionEvent.LoadAsync(db, command.EventId, ct);
        dialogue.RequireOpen(now);
        if (request.AddresseeActorId is { } actorId
            && !await db.QuerySingleOrDefaultAsync<bool>("select true from actor where id = @actorId", new { actorId }, ct))
            throw new BusinessRuleException(QuestionTexts.AddresseeUnknown);

        var flags = ConfidentialityPolicy.Screen(("text", request.Text), ("displayName", request.DisplayName));
        var status = dialogue.QuestionModeration == "post" && flags.Count == 0 ? QuestionStatus.Published : QuestionStatus.Pending;
        var token = tokens.New();
        var id = Guid.CreateVersion7(now);
        await db.ExecuteAsync("""
            insert into question (id, event_id, text, display_name, addressee_kind, addressee_actor_id, status, flags, token_hash,
                                  asked_at, published_at, updated_at)
            values (@id, @EventId, @Text, @DisplayName, @AddresseeKind, @AddresseeActorId, @Status, @Flags::jsonb, @TokenHash,
                    @now, case when @Status = 'published' then @now end, @now)
            """, new
        {
            id,
            command.EventId,
            request.Text,
            request.DisplayName,
            AddresseeKind = request.AddresseeKind is { } kind ? WireName.Of(kind) : null,
            request.AddresseeActorId,
            Status = WireName.Of(status),
            Flags = JsonSerializer.Serialize(flags, Json.Options),
            TokenHash = SecretTokens.Hash(token),
            now,
        }, ct);

        var (row, answers) = await db.LoadQuestionAsync(id, ct);
        if (status == QuestionStatus.Published) await QuestionStream.PublishAsync(db, row, answers, "published", now, ct);
        else await QuestionStream.AppendAsync(db, row.EventId, StreamAudience.Moderators, "queued", id, row.ToModerated(answers, admin: false), now, ct);

        var receipt = new AskReceipt(id, command.EventId, status, ConfidentialityPolicy.Kinds(flags), token,
            $"{site.PublicUrl.TrimEnd('/')}/fraga#{token}");
        await db.StoreAnswerAsync(command.IdempotencyKey, StatusCodes.Status201Created, receipt, ct);
        return new AskOutcome(receipt, Replayed: false);
    }
}
