using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

public static class StatisticsEndpoints
{
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IStartupTask, DemoPoliceEventsTask>();
        services.AddSingleton<PoliceEventTypes>();
        services.AddPoliceFetch(configuration);
        return services;
    }

    /// <summary>The imports staff feed the figures with, and the series, engagement and signals read from them.</summary>
    public static void MapStatistics(this IEndpointRouteBuilder api)
    {
        MapPoliceImports(api);
        MapUnplacedPoliceEvents(api);
        MapPoliceFetch(api);
        MapBraImport(api);
        MapCrimeSeries(api);
        MapSurvey(api);
        MapEngagement(api);
        MapSignals(api);
    }

    private const string Description = """
        Idempotent by `id`: a re-published event updates its row, an unchanged one is counted as `unchanged`. Each element
        that cannot be read is skipped and reported with its index and reason; the rest is imported. The incident time
        is read from `name` (Swedish month names, `H.mm`), the year inferred from the publication time; the kommun
        from `location.name`, or from the last part of `name` when the API names only the län; the type folded onto
        its documented spelling; and, in Stockholm, the Hägersten-Älvsjö neighbourhood named in the text.
        """;

    private static void MapPoliceImports(IEndpointRouteBuilder api)
    {
        api.MapPost("/statistics/imports/police-events", ImportPoliceEvents)
            .WithName(nameof(ImportPoliceEvents)).WithTags("Statistics")
            .WithSummary("Import events of the Police's open events API: the JSON array exactly as polisen.se/api/events returns it, either era.")
            .WithDescription(Description)
            .Accepts<List<PoliceApiEvent>>("application/json")
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/statistics/imports/police-events/file", ImportPoliceEventsFile)
            .WithName(nameof(ImportPoliceEventsFile)).WithTags("Statistics")
            .WithSummary("The same import from an uploaded file (multipart/form-data, field `file`): the API's response saved as .json.")
            .WithDescription(Description)
            .Accepts<string>("multipart/form-data")
            .WithMetadata(new FileUpload("The API's response saved as a .json file."))
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
    }

    public static async Task<Ok<PoliceImportReport>> ImportPoliceEventsFile(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, StatisticsTexts.SendMultipart);
        var file = (await request.ReadFormAsync(ct)).Files.GetFile("file") ?? throw Invalid(StatisticsTexts.ImportNoFile);
        await using var stream = file.OpenReadStream();
        return await ImportAsync(stream, mediator, ct);
    }

    public static async Task<Ok<PoliceImportReport>> ImportPoliceEvents(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, StatisticsTexts.SendJson);
        return await ImportAsync(request.Body, mediator, ct);
    }

    private static async Task<Ok<PoliceImportReport>> ImportAsync(Stream body, IMediator mediator, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw Invalid(StatisticsTexts.ImportMalformed);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw Invalid(StatisticsTexts.ImportNotArray);
            if (document.RootElement.GetArrayLength() == 0) throw Invalid(StatisticsTexts.ImportEmpty);
            return TypedResults.Ok(await mediator.Send(new ImportPoliceEventsCommand(document.RootElement.Clone()), ct));
        }
    }

    private static void MapUnplacedPoliceEvents(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/police-events/unplaced", ListUnplacedPoliceEvents)
            .WithName(nameof(ListUnplacedPoliceEvents)).WithTags("Statistics")
            .WithSummary("Police events that are in no neighbourhood, newest first, each with the reason: `noPlaceName`, `outsideKommun`, `route` or `ambiguous`.")
            .WithDescription("""
                For staff checking the placement (see docs/placement.md): an event is placed only where a reader would agree.
                `noPlaceName`: the text names no place of Hägersten-Älvsjö. `outsideKommun`: the event is in another kommun or
                län. `route`: a route whose ends are not in one neighbourhood. `ambiguous`: several neighbourhoods or a place
                outside the district are named, or the event names only Stockholms län and the place exists elsewhere in it.
                Events imported before the reasons were kept have none and are not listed until imported again.
                """)
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest);

    /// <param name="reason">Only events unplaced for this reason.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    public static async Task<Ok<Page<UnplacedPoliceEvent>>> ListUnplacedPoliceEvents([QueryEnum(typeof(PlacementReason))] string? reason, int? limit,
        string? cursor, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListUnplacedPoliceEventsQuery(QueryEnum.Parse<PlacementReason>(reason, "reason"), limit, cursor), ct));

    private static FluentValidation.ValidationException Invalid(Text text) =>
        new([new FluentValidation.Results.ValidationFailure("$", text.Format())]);

    private static void MapPoliceFetch(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/police-fetch", GetPoliceFetchStatus)
            .WithName(nameof(GetPoliceFetchStatus)).WithTags("Statistics")
            .WithSummary("The scheduled fetch of the Police's open events API: last start, success and error, the newest event and counts.")
            .WithDescription("""
                The fetch (`PoliceFetch__*`, on in production) calls polisen.se/api/events every `intervalSeconds` across all
                instances, with a User-Agent naming the service, and imports the answer as an upload of it would be imported.
                An empty or cut-off answer, an HTTP error or a timeout imports nothing and is recorded as `lastError`. `stale`
                is true when the newest police event is older than `PoliceFetch__StaleAfter` (see docs/data.md).
                """)
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems();

    public static async Task<Ok<PoliceFetchStatus>> GetPoliceFetchStatus(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetPoliceFetchStatusQuery(), ct));

    private static void MapBraImport(IEndpointRouteBuilder api) =>
        api.MapPost("/statistics/imports/bra", ImportBraStatistics)
            .WithName(nameof(ImportBraStatistics)).WithTags("Statistics")
            .WithSummary("Import BRÅ's reported crime (anmälda brott) in the long CSV format (text/csv); see docs/data.md for the columns.")
            .WithDescription("""
                Columns: `area_label, area_name, area_level (kommun|stadsdelsomrade), crime_parent_path, crime_type, year,
                month (1–12 or empty for the year), period_label, preliminary (true|false), unit (Antal | /100 000 inv), value`.
                Stockholm kommun and the stadsdelsområde Hägersten-Älvsjö are imported; other areas are reported in
                `unknownAreas` and skipped. Re-importing is idempotent; a final figure replaces a preliminary one, never the reverse.
                A file with wrong columns or an unreadable value is refused whole with a 400 naming each line.
                """)
            .Accepts<string>("text/csv")
            .WithMetadata(new RequestExample("text/csv", StatisticsExamples.BraCsv))
            .WithMetadata(new ProblemExample(StatusCodes.Status400BadRequest, StatisticsTexts.CsvLine, ["value 'ca 15000'"], "line 3"))
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

    public static async Task<Ok<BraImportReport>> ImportBraStatistics(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var csv = await CsvImport.ReadBodyAsync(request, ct);
        return TypedResults.Ok(await mediator.Send(new ImportBraStatisticsCommand(csv), ct));
    }

    private static void MapCrimeSeries(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/crime", GetCrimeSeries)
            .WithName(nameof(GetCrimeSeries)).PublicCache(SharedCache.Statistics, CacheVary.Accept).WithTags("Statistics")
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Crime per area and period, with the change against a year earlier and Stockholm's figure; JSON, or CSV with Accept: text/csv or format=csv.")
            .WithDescription("""
                Only periods that are over, unless `includeUnfinished=true`. Each series states what its source covers
                (`coverage`: the police imports' stretches of time, BRÅ's periods for the area and unit). A period outside
                it has `value: null` and a `reason`: `notCovered`, `partial` (part of it covered; a BRÅ year or quarter
                is the sum of its months only when all of them are there) or `unfinished`. A missing figure is never 0.
                """)
            .WithMetadata(new AlternateRepresentation("text/csv", typeof(string)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest);

    /// <param name="area" example="hagersten-alvsjo">The area: the city, the district or a neighbourhood (police source only).</param>
    /// <param name="source">`bra` (reported crime, default) or `police` (published police events).</param>
    /// <param name="granularity">`month` (default), `quarter` or `year`.</param>
    /// <param name="unit">`count` (default) or `per100k` (BRÅ).</param>
    /// <param name="category">BRÅ crime type (default `Totalt antal brott`) or police event type (default all); a police event type neither in the police's list nor imported is a 400.</param>
    /// <param name="from">First day of the range (default two years before `to`).</param>
    /// <param name="to">Last day of the range (default today).</param>
    /// <param name="format">`csv` for CSV, as with `Accept: text/csv`.</param>
    /// <param name="includeUnfinished">`true` to include the period not yet over, flagged `reason: unfinished` with the count so far (default: only periods that are over).</param>
    public static async Task<Results<Ok<CrimeSeries>, ContentHttpResult, StatusCodeHttpResult>> GetCrimeSeries([Required] string? area,
        [QueryEnum(typeof(StatisticsSource))] string? source, [QueryEnum(typeof(Granularity))] string? granularity,
        [QueryEnum(typeof(StatisticsUnit))] string? unit, string? category, DateOnly? from, DateOnly? to, [QueryEnum(typeof(StatisticsFormat))] string? format, bool? includeUnfinished,
        IMediator mediator, HttpContext http, CancellationToken ct)
    {
        StatisticsResponses.ValidateFormat(format);
        var series = await mediator.Send(new GetCrimeSeriesQuery(area ?? "",
            QueryEnum.Parse<StatisticsSource>(source, "source") ?? StatisticsSource.Bra,
            QueryEnum.Parse<Granularity>(granularity, "granularity") ?? Granularity.Month,
            QueryEnum.Parse<StatisticsUnit>(unit, "unit") ?? StatisticsUnit.Count, category, from, to, includeUnfinished ?? false), ct);
        return StatisticsResponses.Send(http, series, format, CrimeSeriesCsv.Write);
    }

    private static void MapSurvey(IEndpointRouteBuilder api)
    {
        api.MapPost("/statistics/imports/survey", ImportSurveyIndicators)
            .WithName(nameof(ImportSurveyIndicators)).WithTags("Statistics")
            .WithSummary("Import safety-survey indicators from a CSV with the columns area, year, indicator, value, unit, source.")
            .Accepts<string>("text/csv")
            .WithMetadata(new RequestExample("text/csv", StatisticsExamples.SurveyCsv))
            .WithMetadata(new ProblemExample(StatusCodes.Status400BadRequest, StatisticsTexts.CsvLine, ["year '25'"], "line 2"))
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/statistics/survey", GetSurveySeries)
            .WithName(nameof(GetSurveySeries)).PublicCache(SharedCache.Statistics, CacheVary.Accept).WithTags("Statistics")
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Safety-survey indicators of an area, year by year, with the city's value and the report each comes from; JSON, or CSV with Accept: text/csv or format=csv.")
            .WithMetadata(new AlternateRepresentation("text/csv", typeof(string)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest);
    }

    public static async Task<Ok<SurveyImportReport>> ImportSurveyIndicators(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var csv = await CsvImport.ReadBodyAsync(request, ct);
        return TypedResults.Ok(await mediator.Send(new ImportSurveyIndicatorsCommand(csv), ct));
    }

    /// <param name="area" example="fruangen">The area.</param>
    /// <param name="indicator">Only this indicator.</param>
    /// <param name="format">`csv` for CSV, as with `Accept: text/csv`.</param>
    public static async Task<Results<Ok<IReadOnlyList<SurveySeries>>, ContentHttpResult, StatusCodeHttpResult>> GetSurveySeries(
        [Required] string? area, string? indicator, [QueryEnum(typeof(StatisticsFormat))] string? format, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        StatisticsResponses.ValidateFormat(format);
        var series = await mediator.Send(new GetSurveySeriesQuery(area ?? "", indicator), ct);
        return StatisticsResponses.Send(http, series, format, all => Csv.Write(
            ["area", "indicator", "unit", "year", "value", "city", "source", "licence", "imported_at"],
            all.SelectMany(s => s.Points.Select(p => new object?[] { s.Area.Slug, s.Indicator, s.Unit, p.Year, p.Value, p.City, s.Source, s.Licence, s.ImportedAt }))));
    }

    private static void MapEngagement(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/engagement", GetEngagement)
            .WithName(nameof(GetEngagement)).PublicCache(SharedCache.Statistics, CacheVary.Accept).WithTags("Statistics")
            .WithFieldProblemExample("area", AreaTexts.UnknownArea, "fruangn")
            .WithSummary("Dialogues and walks held, registrations and attendance on site and remote, feedback published, organisations taking part and the response rate of the surveys afterwards, for an area and period; JSON or CSV.")
            .WithMetadata(new AlternateRepresentation("text/csv", typeof(string)))
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest);

    /// <param name="area" example="hagersten-alvsjo">The city, the district (all its neighbourhoods) or a neighbourhood.</param>
    /// <param name="from">First day (default a year before `to`).</param>
    /// <param name="to">Last day (default today).</param>
    /// <param name="format">`csv` for CSV, as with `Accept: text/csv`.</param>
    public static async Task<Results<Ok<Engagement>, ContentHttpResult, StatusCodeHttpResult>> GetEngagement(
        [Required] string? area, DateOnly? from, DateOnly? to, [QueryEnum(typeof(StatisticsFormat))] string? format, IMediator mediator, HttpContext http,
        CancellationToken ct)
    {
        StatisticsResponses.ValidateFormat(format);
        var engagement = await mediator.Send(new GetEngagementQuery(area ?? "", from, to), ct);
        return StatisticsResponses.Send(http, engagement, format, e => Csv.Write(
            ["area", "from", "to", "dialogues_held", "walks_held", "cancelled", "participants_on_site", "participants_remote", "events_with_feedback",
             "actors_taking_part", "registrations", "registrations_on_site", "registrations_remote", "questions_asked", "questions_answered", "observations_open", "observations_fixed", "median_days_to_fix", "source",
             "surveys_sent", "surveys_answered", "survey_response_rate"],
            [[e.Area.Slug, e.From, e.To, e.DialoguesHeld, e.WalksHeld, e.Cancelled, e.ParticipantsOnSite, e.ParticipantsRemote, e.EventsWithFeedback,
              e.ActorsTakingPart, e.Registrations, e.RegistrationsOnSite, e.RegistrationsRemote, e.QuestionsAsked, e.QuestionsAnswered, e.ObservationsOpen, e.ObservationsFixed, e.MedianDaysToFix, e.Source,
              e.SurveysSent, e.SurveysAnswered, e.SurveyResponseRate]]));
    }

    private static void MapSignals(IEndpointRouteBuilder api) =>
        api.MapGet("/statistics/signals", GetSignals)
            .WithName(nameof(GetSignals)).WithTags("Statistics")
            .WithSummary("Neighbourhoods where police events rise significantly against their own history, or observations pile up, each with its numbers and a suggested dialogue or walk.")
            .WithDescription("""
                For each of the 17 neighbourhoods: the police events of the last three complete months against the twelve months
                before, by the exact conditional test for two Poisson counts (p = P(X ≥ window events) with X ~ Binomial(N, 3/15)),
                with Holm's correction over the neighbourhoods; flagged at an adjusted p ≤ 0.05. On simulated series this flags no
                area in more than 0.3 % of periods when nothing changes, and catches a doubling from 10 events a month in about 90 %
                of cases (see docs/statistics.md). Observations pile up where at least 5 have been open for more than 30 days, or at
                least 3 are past their deadline; such an area gets a follow-up walk with the responsible organisations. Questions
                pile up where at least 5 published questions of dialogues that ended 14 days to a year ago have no answer; such an
                area gets a follow-up dialogue with those the questions were put to.
                """)
            .RequireRoles(Roles.Admin, Roles.Staff)
            .ProducesProblems();

    public static async Task<Ok<IReadOnlyList<AreaSignal>>> GetSignals(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSignalsQuery(), ct));
}
