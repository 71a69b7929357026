using System.Globalization;
using FluentValidation;
using Mediator;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Observations;

/// <summary>
/// A resident's report, sent as <c>multipart/form-data</c>: the fields as text, the photo as a file. The contract
/// describes the form with this record; the endpoint reads the form itself, so that every field's error names it.
/// </summary>
/// <param name="Category">What it is about (a category code).</param>
/// <param name="Description">What was seen, where exactly (3–4,000 characters). Screened for personal data like every public text.</param>
/// <param name="Latitude">Latitude (WGS84) of the place; the point must lie in Hägersten-Älvsjö.</param>
/// <param name="Longitude">Longitude (WGS84) of the place.</param>
/// <param name="Severity">1 (minor) to 3 (serious); 2 when left out.</param>
/// <param name="AreaSlug">The neighbourhood page the report was made from (the point decides where it is filed).</param>
/// <param name="EventId">The safety walk the report was made from.</param>
/// <param name="Email">An address to follow the report by: an acknowledgement, then an e-mail on each public change, each with a link to stop following that erases the address at once. Personal data: never shown, erased with the photo once the report is dealt with.</param>
/// <param name="Photo">One photo: JPEG, PNG or WebP (HEIC is refused with 415), at most 10 MB by default. Re-encoded without any metadata.</param>
public sealed record ObservationReportForm(ObservationCategory Category, string Description, double Latitude, double Longitude, int? Severity,
    string? AreaSlug, Guid? EventId, string? Email, IFormFile? Photo);

/// <summary>A report's fields as sent (text), to be checked by the validator field by field.</summary>
public sealed record ObservationReportFields(string? Category, string? Description, string? Latitude, string? Longitude, string? Severity,
    string? AreaSlug, string? EventId, string? Email)
{
    public static ObservationReportFields From(IFormCollection form)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Count > 0 && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
        return new(Field("category"), Field("description"), Field("latitude"), Field("longitude"), Field("severity"), Field("areaSlug"), Field("eventId"),
            Field("email"));
    }

    public ObservationCategory CategoryValue => Enum.GetValues<ObservationCategory>().Single(c => WireName.Of(c) == Category);

    public double LatitudeValue => double.Parse(Latitude!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public double LongitudeValue => double.Parse(Longitude!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public int SeverityValue => Severity is null ? 2 : int.Parse(Severity, NumberStyles.None, CultureInfo.InvariantCulture);

    public Guid? EventIdValue => EventId is null ? null : Guid.Parse(EventId, CultureInfo.InvariantCulture);
}

/// <summary>Anyone, without an account, reports an observation at a point, with an optional photo (already re-encoded).</summary>
/// <param name="PhotoHash">A hash of the photo as uploaded, so that a retry is told from another request reusing the key.</param>
public sealed record ReportObservationCommand(string IdempotencyKey, ObservationReportFields Fields, ProcessedPhoto? Photo, string? PhotoHash)
    : ICommand<ReportOutcome>;

/// <param name="Replayed">True when this is the stored answer of an earlier request with the same Idempotency-Key.</param>
public sealed record ReportOutcome(Observation Observation, bool Replayed);

public sealed class ReportObservationValidator : AbstractValidator<ReportObservationCommand>
{
    public ReportObservationValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(Idempotency.LooksValid)
            .WithMessage(_ => CommonTexts.IdempotencyInvalid.Format()).OverridePropertyName(Idempotency.Header);
        RuleFor(c => c.Fields.Category).NotEmpty().Must(c => Enum.GetValues<ObservationCategory>().Any(v => WireName.Of(v) == c))
            .WithMessage(_ => ObservationTexts.UnknownCategory.Format()).OverridePropertyName("category");
        RuleFor(c => c.Fields.Description).NotEmpty().Must(d => d is null || d.Length is >= 3 and <= 4_000).OverridePropertyName("description");
        RuleFor(c => c.Fields.Latitude).NotEmpty().Must(v => Number(v) is >= -90 and <= 90)
            .WithMessage(_ => ObservationTexts.NotANumber.Format()).OverridePropertyName("latitude");
        RuleFor(c => c.Fields.Longitude).NotEmpty().Must(v => Number(v) is >= -180 and <= 180)
            .WithMessage(_ => ObservationTexts.NotANumber.Format()).OverridePropertyName("longitude");
        RuleFor(c => c.Fields.Severity).Must(s => s is null or "1" or "2" or "3").OverridePropertyName("severity");
        RuleFor(c => c.Fields.AreaSlug).MaximumLength(100).OverridePropertyName("areaSlug");
        RuleFor(c => c.Fields.EventId).Must(id => id is null || Guid.TryParse(id, CultureInfo.InvariantCulture, out _))
            .WithMessage(_ => ObservationTexts.NotAnId.Format()).OverridePropertyName("eventId");
        RuleFor(c => c.Fields.Email).MaximumLength(320).Must(e => e is null || System.Net.Mail.MailAddress.TryCreate(e, out var a) && a.Address == e)
            .WithMessage(_ => ObservationTexts.InvalidEmail.Format()).OverridePropertyName("email");
    }

    private static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}

public sealed class ReportObservationHandler(DbSession db, TimeProvider clock, AreaLocator locator, ReportFollowers followers)
    : ICommandHandler<ReportObservationCommand, ReportOutcome>
{
    public async ValueTask<ReportOutcome> Handle(ReportObservationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fields = command.Fields;
        var requestHash = Idempotency.RequestHash("observation-report", new { fields, command.PhotoHash });
        if (await db.ClaimOrReplayAsync<Observation>(command.IdempotencyKey, "observation-report", requestHash, now, ct) is { } earlier)
            return new ReportOutcome(earlier, Replayed: true);

        if (fields.AreaSlug is { } slug && !await db.QuerySingleOrDefaultAsync<bool>("select true from area where slug = @slug", new { slug }, ct))
            throw new FluentValidation.ValidationException([new("areaSlug", AreaTexts.UnknownArea.Format(slug))]);
        var walkId = fields.EventIdValue;
        if (walkId is { } id && await db.QuerySingleOrDefaultAsync<string>("select kind from event where id = @id and status <> 'draft'", new { id }, ct) != "walk")
            throw new BusinessRuleException(ObservationTexts.WalkUnknown, id);

        var input = new ObservationInput(fields.CategoryValue, fields.Description!, fields.SeverityValue, fields.LatitudeValue, fields.LongitudeValue, walkId);
        var observation = await db.RecordAsync(locator, clock, input, "resident", "anonymous", ct, fields.Email, command.Photo);
        if (fields.Email is not null)
        {
            // Later e-mails about the report are written in the language it was made in.
            await db.ExecuteAsync("update observation set reporter_language = @language where id = @Id",
                new { language = Text.IsEnglish ? "en" : "sv", observation.Id }, ct);
            await followers.AcknowledgeAsync(observation, ct);
        }
        await db.StoreAnswerAsync(command.IdempotencyKey, StatusCodes.Status201Created, observation, ct);
        return new ReportOutcome(observation, Replayed: false);
    }
}
