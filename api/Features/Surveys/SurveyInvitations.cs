using FluentValidation;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Surveys;

/// <summary>An invitation as its link finds it, with the event it is about.</summary>
internal sealed record InvitationRow(Guid Id, Guid EventId, string Version, DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt,
    string EventKind, string EventTitle, DateTimeOffset EventStartsAt, Guid AreaId, string AreaSlug, string AreaName, string AreaKind);

internal static class SurveyInvitations
{
    public const string Header = "X-Survey-Token";

    public static void ValidToken<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> token) =>
        validator.RuleFor(token).Must(SecretTokens.LooksValid).WithMessage(_ => SurveyTexts.BadLink.Format()).OverridePropertyName(Header);

    public static async Task<InvitationRow> FindAsync(DbSession db, string token, bool forUpdate, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<InvitationRow>($"""
            select s.id, s.event_id, s.version, s.sent_at, s.expires_at, s.answered_at,
                   e.kind as event_kind, e.title as event_title, e.starts_at as event_starts_at,
                   a.id as area_id, a.slug as area_slug, a.name as area_name, a.kind as area_kind
            from survey_invitation s join event e on e.id = s.event_id join area a on a.id = e.area_id
            where s.token_hash = @Hash
            {(forUpdate ? "for update of s" : "")}
            """, new { Hash = SecretTokens.Hash(token) }, ct) ?? throw new NotFoundException(SurveyTexts.NotFound);
}
