using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

public sealed record GetMyAlertSubscriptionQuery(string Token) : IQuery<AlertSubscriptionView>;

public sealed class GetMyAlertSubscriptionValidator : AbstractValidator<GetMyAlertSubscriptionQuery>
{
    public GetMyAlertSubscriptionValidator() => this.ValidToken(q => q.Token);
}

/// <summary>The subscription behind a link of its e-mails, with the address it goes to.</summary>
public sealed class GetMyAlertSubscriptionHandler(DbSession db) : IQueryHandler<GetMyAlertSubscriptionQuery, AlertSubscriptionView>
{
    public async ValueTask<AlertSubscriptionView> Handle(GetMyAlertSubscriptionQuery query, CancellationToken ct) =>
        await AlertStore.ViewAsync(db, (await AlertStore.FindAsync(db, query.Token, forUpdate: false, ct)).Id, ct);
}
