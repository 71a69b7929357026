using System.Text.Json;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>Where an observation's description stands under the confidentiality policy.</summary>
public enum DescriptionStatus { Held, Cleared }

/// <summary>An observation's description as moderators review it: the text as it is now, what the filter found in it, and where.</summary>
/// <param name="Description">The description as stored (held or cleared).</param>
/// <param name="Findings">What the confidentiality filter found in it, with offsets to highlight.</param>
/// <param name="OriginalDescription">The text as reported, when a moderator redacted it: shown to admins only.</param>
/// <param name="ReporterKind">Who reported it: staff, actor, participant or open311 (never which person).</param>
public sealed record ObservationReview(Guid Id, long Number, ObservationCategory Category, string CategoryName, AreaRef Area, Guid? WalkId,
    string Description, DescriptionStatus DescriptionStatus, IReadOnlyList<TextFinding> Findings, string? OriginalDescription, string ReporterKind,
    DateTimeOffset ReportedAt, DateTimeOffset? ReviewedAt);

/// <summary>Publish a held description as it is.</summary>
/// <param name="AcknowledgeFindings">Required true when the filter found something: the moderator has read it and it names no one.</param>
public sealed record DescriptionClearance(bool AcknowledgeFindings = false);

/// <summary>Replace a description with a redacted text, which is published at once; the text as reported is kept for admins.</summary>
/// <param name="Text">The redacted description (3–4,000 characters).</param>
/// <param name="AcknowledgeFindings">Required true when the redacted text still has findings.</param>
public sealed record DescriptionRedaction(string Text, bool AcknowledgeFindings = false);

/// <summary>The descriptions waiting for a moderator, oldest first.</summary>
public sealed record ListHeldObservations(int? Limit, string? Cursor, bool Admin) : IQuery<Page<ObservationReview>>;

public sealed record ClearObservationDescription(Guid Id, DescriptionClearance Request, bool Admin) : ICommand<ObservationReview>;

public sealed record RedactObservationDescription(Guid Id, DescriptionRedaction Request, bool Admin) : ICommand<ObservationReview>;

public sealed class ListHeldObservationsValidator : AbstractValidator<ListHeldObservations>
{
    public ListHeldObservationsValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor();
    }
}

public sealed class RedactObservationDescriptionValidator : AbstractValidator<RedactObservationDescription>
{
    public RedactObservationDescriptionValidator() =>
        RuleFor(c => c.Request.Text).NotEmpty().Must(t => t.Trim().Length is >= 3 and <= 4_000).OverridePropertyName("text");
}

internal sealed record ObservationReviewRow(Guid Id, long Number, string Category, string CategoryName, string AreaSlug, string AreaName, string AreaKind,
    Guid? WalkId, string Description, string DescriptionStatus, string Findings, string? OriginalDescription, string ReporterKind, DateTimeOffset CreatedAt,
    DateTimeOffset? DescriptionReviewedAt)
{
    public const string Select = """
        select o.id, o.number, o.category, c.name_sv as category_name, a.slug as area_slug, a.name as area_name, a.kind as area_kind, o.walk_id,
               o.description, o.description_status, o.findings::text as findings, o.original_description, o.reporter_kind, o.created_at,
               o.description_reviewed_at
        from observation o join observation_category c on c.code = o.category join area a on a.id = o.area_id
        """;

    public IReadOnlyList<TextFinding> FindingsValue => JsonSerializer.Deserialize<List<TextFinding>>(Findings, Json.Options) ?? [];

    public ObservationReview ToReview(bool admin) => new(Id, Number, WireName.Parse<ObservationCategory>(Category), CategoryName,
        new AreaRef(AreaSlug, AreaName, AreaKinds.Parse(AreaKind)), WalkId, Description, WireName.Parse<DescriptionStatus>(DescriptionStatus),
        FindingsValue, admin ? OriginalDescription : null, ReporterKind, Time.Local(CreatedAt),
        DescriptionReviewedAt is { } at ? Time.Local(at) : null);

    public static async Task<ObservationReviewRow> LockAsync(DbSession db, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<ObservationReviewRow>(Select + " where o.id = @id for update of o", new { id }, ct)
            ?? throw new NotFoundException("observation.notFound", id);
}

public sealed class ListHeldObservationsHandler(DbSession db) : IQueryHandler<ListHeldObservations, Page<ObservationReview>>
{
    public async ValueTask<Page<ObservationReview>> Handle(ListHeldObservations query, CancellationToken ct)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var hasCursor = Cursor.TryDecode(query.Cursor, out var at, out var after);
        var rows = await db.QueryAsync<ObservationReviewRow>(ObservationReviewRow.Select + """
             where o.description_status = 'held' and (not @hasCursor or (o.created_at, o.id) > (@at, @after))
             order by o.created_at, o.id limit @take
            """, new { hasCursor, at, after, take = limit + 1 }, ct);
        return Cursor.ToPage(rows, limit, r => (r.CreatedAt, r.Id), r => r.ToReview(query.Admin));
    }
}

public sealed class ClearObservationDescriptionHandler(DbSession db, TimeProvider clock, AuditLog audit) :
    ICommandHandler<ClearObservationDescription, ObservationReview>
{
    public async ValueTask<ObservationReview> Handle(ClearObservationDescription command, CancellationToken ct)
    {
        var current = await ObservationReviewRow.LockAsync(db, command.Id, ct);
        if (current.DescriptionStatus != "held") throw new ConflictException("observation.descriptionNotHeld");
        var findings = current.FindingsValue;
        if (findings.Count > 0 && !command.Request.AcknowledgeFindings)
            throw new BusinessRuleException("observation.descriptionFlagged") { Extensions = { [ConfidentialityPolicy.FindingsExtension] = findings } };
        await db.ExecuteAsync("""
            update observation set description_status = 'cleared', description_reviewed_at = @now, updated_at = @now where id = @Id
            """, new { command.Id, now = clock.GetUtcNow() }, ct);
        await audit.WriteAsync("observation.clearDescription", "observation", command.Id.ToString(), new { findings = findings.Count }, ct);
        return (await ObservationReviewRow.LockAsync(db, command.Id, ct)).ToReview(command.Admin);
    }
}

public sealed class RedactObservationDescriptionHandler(DbSession db, TimeProvider clock, AuditLog audit) :
    ICommandHandler<RedactObservationDescription, ObservationReview>
{
    public async ValueTask<ObservationReview> Handle(RedactObservationDescription command, CancellationToken ct)
    {
        _ = await ObservationReviewRow.LockAsync(db, command.Id, ct);
        var text = command.Request.Text.Trim();
        var findings = ConfidentialityPolicy.Screen(("description", text));
        if (findings.Count > 0 && !command.Request.AcknowledgeFindings)
            throw new BusinessRuleException("observation.descriptionFlagged") { Extensions = { [ConfidentialityPolicy.FindingsExtension] = findings } };
        await db.ExecuteAsync("""
            update observation set original_description = coalesce(original_description, description), description = @text,
                   description_status = 'cleared', findings = @Findings::jsonb, description_reviewed_at = @now, updated_at = @now
            where id = @Id
            """, new { command.Id, text, Findings = JsonSerializer.Serialize(findings, Json.Options), now = clock.GetUtcNow() }, ct);
        // The audit log names the edit, never the text: the original may hold the personal data the edit removed.
        await audit.WriteAsync("observation.redactDescription", "observation", command.Id.ToString(), null, ct);
        return (await ObservationReviewRow.LockAsync(db, command.Id, ct)).ToReview(command.Admin);
    }
}
