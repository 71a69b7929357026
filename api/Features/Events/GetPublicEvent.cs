using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

/// <param name="Languages">The languages asked for, best first (<see cref="ContentLanguages.Preferences"/>); none: Swedish.</param>
public sealed record GetPublicEventQuery(EventKind Kind, string IdOrSlug, IReadOnlyList<string>? Languages = null) : IQuery<PublicEvent>;

public sealed class GetPublicEventValidator : AbstractValidator<GetPublicEventQuery>
{
    public GetPublicEventValidator() => RuleFor(q => q.IdOrSlug).NotEmpty().MaximumLength(100).Matches("^[a-z0-9-]+$");
}

public sealed class GetPublicEventHandler(DbSession db, TimeProvider clock, PublishingOptions options, ContentOptions content) : IQueryHandler<GetPublicEventQuery, PublicEvent>
{
    public async ValueTask<PublicEvent> Handle(GetPublicEventQuery query, CancellationToken ct)
    {
        var byId = Guid.TryParse(query.IdOrSlug, out var id);
        var row = await db.QuerySingleOrDefaultAsync<EventRow>(EventRow.Select + """
             where e.status <> 'draft' and (@Kind::text is null or e.kind = @Kind) and (e.slug = @IdOrSlug or (@ById and e.id = @Id))
            """, new { Kind = WireName.Of(query.Kind), query.IdOrSlug, ById = byId, Id = id }, ct)
            ?? throw new NotFoundException(EventTexts.NotFound, query.IdOrSlug);
        var now = clock.GetUtcNow();
        var participants = await PublicEvents.ParticipantsAsync(db, [row.Id], ct);
        var next = await PublicEvents.NextInAreaAsync(db, [row], now, ct);
        var translations = await ContentLanguages.LoadAsync(db, [row.Id], content, ct);
        return ContentLanguages.Localise(PublicEvents.ToPublic(row, participants[row.Id].ToList(), now, options.FeedbackWithinDays, next.GetValueOrDefault(row.Id)),
            translations[row.Id], query.Languages ?? [], content);
    }
}
