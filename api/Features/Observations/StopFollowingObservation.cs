using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>The reporter stops following their report through the link in any of its e-mails.</summary>
public sealed record StopFollowingObservationCommand(string Token) : ICommand<Unit>;

public sealed class StopFollowingObservationValidator : AbstractValidator<StopFollowingObservationCommand>
{
    public StopFollowingObservationValidator() =>
        RuleFor(c => c.Token).Must(SecretTokens.LooksValid).WithMessage(_ => ObservationTexts.FollowLinkInvalid.Format())
            .OverridePropertyName(ObservationsEndpoints.FollowTokenHeader);
}

/// <summary>
/// Erases the reporter's address at once, with the messages about the report not yet sent; nothing more is sent. The links
/// stay, so using one again answers the same. The observation itself is unchanged.
/// </summary>
public sealed class StopFollowingObservationHandler(DbSession db, AuditLog audit) : ICommandHandler<StopFollowingObservationCommand, Unit>
{
    private sealed record Stopped(Guid Id, bool Followed);

    public async ValueTask<Unit> Handle(StopFollowingObservationCommand command, CancellationToken ct)
    {
        var stopped = await db.QuerySingleOrDefaultAsync<Stopped>("""
            with link as (select observation_id as id from observation_follow_link where token_hash = @Hash),
            erased as (
                update observation o set reporter_email = null, reporter_language = null
                where o.id in (select id from link) and o.reporter_email is not null
                returning o.id),
            dropped as (delete from outbox where sent_at is null and observation_id in (select id from erased))
            select l.id, exists (select 1 from erased) as followed from link l
            """, new { Hash = SecretTokens.Hash(command.Token) }, ct) ?? throw new NotFoundException(ObservationTexts.FollowLinkUnknown);
        if (stopped.Followed)
            await audit.WriteAsync("observation.stopFollowing", "observation", stopped.Id.ToString(), new { by = "reporter" }, ct);
        return Unit.Value;
    }
}
