using FluentValidation;
using Mediator;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Alerts;

public sealed record SubscribeToAlertsCommand(AlertSubscriptionRequest Request, string RequestLanguage) : ICommand<Unit>;

public sealed class SubscribeToAlertsValidator : AbstractValidator<SubscribeToAlertsCommand>
{
    public SubscribeToAlertsValidator()
    {
        RuleFor(c => c.Request.Email).NotEmpty().MaximumLength(254).Must(AlertRules.IsAnAddress)
            .WithMessage(_ => AlertTexts.EmailInvalid.Format()).OverridePropertyName("email");
        this.ValidAreas(c => c.Request.Areas);
        RuleFor(c => c.Request.Frequency).IsInEnum().OverridePropertyName("frequency");
        RuleFor(c => c.Request.Language).IsInEnum().OverridePropertyName("language");
    }
}

internal static class AlertRules
{
    public const string TokenHeader = "X-Alert-Token";

    /// <summary>One plain address (name@domain.tld), as mail servers accept it.</summary>
    public static bool IsAnAddress(string? email) =>
        email is not null && MimeKit.MailboxAddress.TryParse(email.Trim(), out var address) && address.Address == email.Trim()
        && email.Count(c => c == '@') == 1 && !email.Trim().EndsWith('@') && !email.Trim().StartsWith('@') && email.Trim().Contains('.');

    public static void ValidAreas<T>(this AbstractValidator<T> validator, Func<T, IReadOnlyList<string>?> areas)
    {
        validator.RuleFor(c => areas(c)).NotEmpty().WithMessage(_ => AlertTexts.AreasRequired.Format())
            .Must(a => a is null || a.Count <= AlertStore.MaxAreas).WithMessage(_ => AlertTexts.TooManyAreas.Format(AlertStore.MaxAreas))
            .OverridePropertyName("areas");
        validator.RuleForEach<string>(c => areas(c) ?? Array.Empty<string>()).NotEmpty().MaximumLength(100).OverridePropertyName("areas");
    }

    public static void ValidToken<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string>> token) =>
        validator.RuleFor(token).Must(SecretTokens.LooksValid).WithMessage(_ => AlertTexts.LinkInvalid.Format()).OverridePropertyName(TokenHeader);
}

/// <summary>
/// Double opt-in without revealing who subscribes: a new address gets a confirmation e-mail; an unconfirmed one gets its
/// choices replaced and a new confirmation; a confirmed one is left as it is and its owner gets an e-mail with the link to
/// manage it. The answer is the same 202 in every case, so the API never tells whether an address is subscribed.
/// </summary>
public sealed class SubscribeToAlertsHandler(DbSession db, AlertMail mail, TimeProvider clock) : ICommandHandler<SubscribeToAlertsCommand, Unit>
{
    public async ValueTask<Unit> Handle(SubscribeToAlertsCommand command, CancellationToken ct)
    {
        var request = command.Request;
        var now = clock.GetUtcNow();
        var email = request.Email.Trim();
        var language = request.Language is { } l ? WireName.Of(l) : command.RequestLanguage;
        var (wholeDistrict, areaIds) = await AlertStore.ResolveAreasAsync(db, request.Areas, ct);
        var frequency = WireName.Of(request.Frequency);

        // Insert or find, under the unique address: two requests at once end with one row either way.
        var added = await db.QuerySingleOrDefaultAsync<AlertSubscriptionRow>("""
            with added as (
                insert into alert_subscription (email, language, frequency, whole_district, created_at)
                values (@email, @language, @frequency, @wholeDistrict, @now)
                on conflict ((lower(email))) do nothing
                returning id, email, language, frequency, whole_district)
            select id, email, language, frequency, whole_district, null::timestamptz as confirmed_at from added
            """, new { email, language, frequency, wholeDistrict, now }, ct);
        if (added is not null)
        {
            await AlertStore.SaveAreasAsync(db, added.Id, areaIds, ct);
            await mail.ConfirmationAsync(db, added, now, ct);
            return Unit.Value;
        }

        var row = await db.QuerySingleOrDefaultAsync<AlertSubscriptionRow>("""
            select id, email, language, frequency, whole_district, confirmed_at from alert_subscription where lower(email) = lower(@email) for update
            """, new { email }, ct) ?? throw new InvalidOperationException("The subscription went away under its lock.");
        if (row.ConfirmedAt is not null)
        {
            // The owner decides: the e-mail tells them, in the language they asked in now, how to change it.
            await mail.AlreadySubscribedAsync(db, row with { Language = language }, now, ct);
            return Unit.Value;
        }
        await db.ExecuteAsync("""
            update alert_subscription set language = @language, frequency = @frequency, whole_district = @wholeDistrict, created_at = @now
            where id = @Id
            """, new { row.Id, language, frequency, wholeDistrict, now }, ct);
        await AlertStore.SaveAreasAsync(db, row.Id, areaIds, ct);
        await mail.ConfirmationAsync(db, row with { Language = language, Frequency = frequency, WholeDistrict = wholeDistrict }, now, ct);
        return Unit.Value;
    }
}
