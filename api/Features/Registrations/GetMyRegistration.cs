using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Registrations;

public sealed record GetMyRegistrationQuery(string Token) : IQuery<ManagedRegistration>;

public sealed class GetMyRegistrationValidator : AbstractValidator<GetMyRegistrationQuery>
{
    public GetMyRegistrationValidator() => this.ValidToken(q => q.Token);
}

public sealed class GetMyRegistrationHandler(DbSession db, TimeProvider clock, RegistrationOptions options)
    : IQueryHandler<GetMyRegistrationQuery, ManagedRegistration>
{
    public async ValueTask<ManagedRegistration> Handle(GetMyRegistrationQuery query, CancellationToken ct)
    {
        var registration = await ManagedRegistrations.FindAsync(db, query.Token, forUpdate: false, ct);
        return ManagedRegistrations.View(registration, await db.LoadAsync(registration.EventId, ct), clock.GetUtcNow(), options);
    }
}
