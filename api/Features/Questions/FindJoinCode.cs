using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Questions;

/// <summary>The dialogue a join code leads to.</summary>
/// <param name="Code">The code as the API writes it (capitals, no spaces).</param>
/// <param name="Slug">The dialogue's slug: its questions page is <c>/dialoger/{slug}/fragor</c>.</param>
public sealed record JoinTarget(string Code, Guid EventId, string Slug, string Title, DateTimeOffset StartsAt, JoinLink Link);

/// <summary>Finds the public dialogue of a typed or scanned join code (any case; spaces and dashes ignored).</summary>
public sealed record FindJoinCodeQuery(string Code) : IQuery<JoinTarget>;

public sealed class FindJoinCodeValidator : AbstractValidator<FindJoinCodeQuery>
{
    public FindJoinCodeValidator()
    {
        RuleFor(q => q.Code).Must(c => JoinCodes.Normalise(c) is not null).WithMessage(_ => QuestionTexts.JoinCodeInvalid.Format())
            .OverridePropertyName("code");
    }
}

public sealed class FindJoinCodeHandler(DbSession db, SiteOptions site, TimeProvider clock) : IQueryHandler<FindJoinCodeQuery, JoinTarget>
{
    public async ValueTask<JoinTarget> Handle(FindJoinCodeQuery query, CancellationToken ct)
    {
        var code = JoinCodes.Normalise(query.Code)!;
        // The code is a hash of the id, so it is computed here rather than looked up: a district holds a few hundred
        // dialogues. Should two ever share a code, the one still to come or going on wins over a past one.
        var dialogues = await db.QueryAsync<(Guid Id, string Slug, string Title, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt)>(
            "select id, slug, title, status, starts_at, ends_at from event where kind = 'dialogue' and status <> 'draft'", null, ct);
        var now = clock.GetUtcNow();
        var found = dialogues.Where(d => JoinCodes.For(d.Id) == code)
            .OrderBy(d => d.Status == "cancelled" || d.EndsAt < now)
            .ThenBy(d => d.EndsAt < now ? now - d.StartsAt : d.StartsAt - now)
            .Select(d => (d.Id, d.Slug, d.Title, d.StartsAt)).FirstOrDefault();
        if (found.Id == Guid.Empty) throw new NotFoundException(QuestionTexts.JoinCodeNotFound, code);
        return new JoinTarget(code, found.Id, found.Slug, found.Title, Time.Local(found.StartsAt), JoinLinks.Of(site, found.Id, found.Slug));
    }
}
