using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Events;

public sealed record GetRsvpQuery(string Token) : IQuery<RsvpView>;

public sealed class GetRsvpValidator : AbstractValidator<GetRsvpQuery>
{
    public GetRsvpValidator() => RuleFor(q => q.Token).Must(SecretTokens.LooksValid).WithMessage(_ => EventTexts.BadRsvpLink.Format())
        .OverridePropertyName("X-Rsvp-Token");
}

public sealed class GetRsvpHandler(DbSession db) : IQueryHandler<GetRsvpQuery, RsvpView>
{
    public async ValueTask<RsvpView> Handle(GetRsvpQuery query, CancellationToken ct) =>
        (await RsvpRow.FindAsync(db, query.Token, ct)).ToView();
}
