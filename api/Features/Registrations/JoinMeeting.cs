using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record JoinMeetingCommand(string Token) : ICommand<MeetingLink>;

public sealed class JoinMeetingValidator : AbstractValidator<JoinMeetingCommand>
{
    public JoinMeetingValidator() => this.ValidToken(c => c.Token);
}

/// <summary>The meeting link inside its window; fetching it counts as remote attendance.</summary>
public sealed class JoinMeetingHandler(DbSession db, TimeProvider clock, RegistrationOptions options) : ICommandHandler<JoinMeetingCommand, MeetingLink>
{
    public async ValueTask<MeetingLink> Handle(JoinMeetingCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var registration = await ManagedRegistrations.FindAsync(db, command.Token, forUpdate: true, ct);
        var row = await db.LoadAsync(registration.EventId, ct);
        if (registration.ModeValue != RegistrationMode.Remote || registration.StatusValue != RegistrationStatus.Confirmed)
            throw new ConflictException(RegistrationTexts.NotRemoteConfirmed);
        if (row.StatusAt(now) == EventStatus.Cancelled) throw RegistrationQueue.Closed(RegistrationClosedReason.Cancelled);
        var window = ManagedRegistrations.Window(row, options);
        if (now >= window.ClosesAt || row.StatusAt(now) is EventStatus.Held or EventStatus.Closed) throw RegistrationQueue.Closed(RegistrationClosedReason.Held);
        if (now < window.OpensAt)
        {
            var early = new ConflictException(RegistrationTexts.LinkNotOpen, window.OpensAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            early.Extensions["opensAt"] = window.OpensAt;
            throw early;
        }
        if (row.RemoteUrl is null) throw new ConflictException(RegistrationTexts.NoMeetingLink);
        await db.ExecuteAsync("update registration set joined_at = coalesce(joined_at, @now) where id = @Id", new { registration.Id, now }, ct);
        return new MeetingLink(row.RemoteUrl, window.ClosesAt);
    }
}
