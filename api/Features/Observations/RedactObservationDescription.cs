using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

public sealed record RedactObservationDescriptionCommand(Guid Id, DescriptionRedaction Request, bool Admin) : ICommand<ObservationReview>;

public sealed class RedactObservationDescriptionValidator : AbstractValidator<RedactObservationDescriptionCommand>
{
    public RedactObservationDescriptionValidator() =>
        RuleFor(c => c.Request.Text).NotEmpty().Must(t => t.Trim().Length is >= 3 and <= 4_000).OverridePropertyName("text");
}

public sealed class RedactObservationDescriptionHandler(DbSession db, TimeProvider clock, AuditLog audit, ReportFollowers followers) :
    ICommandHandler<RedactObservationDescriptionCommand, ObservationReview>
{
    public async ValueTask<ObservationReview> Handle(RedactObservationDescriptionCommand command, CancellationToken ct)
    {
        _ = await ObservationReviewRow.LockAsync(db, command.Id, ct);
        var before = await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct);
        var text = command.Request.Text.Trim();
        var findings = ConfidentialityPolicy.Screen(("description", text));
        if (findings.Count > 0 && !command.Request.AcknowledgeFindings)
            throw new BusinessRuleException(ObservationTexts.DescriptionFlagged) { Extensions = { [ConfidentialityPolicy.FindingsExtension] = findings } };
        await db.ExecuteAsync("""
            update observation set original_description = coalesce(original_description, description), description = @text,
                   description_status = 'cleared', findings = @Findings::jsonb, description_reviewed_at = @now, updated_at = @now
            where id = @Id
            """, new { command.Id, text, Findings = JsonSerializer.Serialize(findings, Json.Options), now = clock.GetUtcNow() }, ct);
        // The audit log names the edit, never the text: the original may hold the personal data the edit removed.
        await audit.WriteAsync("observation.redactDescription", "observation", command.Id.ToString(), null, ct);
        await followers.TellAsync(before, await db.LoadObservationAsync(command.Id, clock.GetUtcNow(), ct), ct);
        return (await ObservationReviewRow.LockAsync(db, command.Id, ct)).ToReview(command.Admin);
    }
}
