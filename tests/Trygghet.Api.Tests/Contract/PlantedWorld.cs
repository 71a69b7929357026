using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// A world in which every operation open to residents, invited actors and Open311 clients can be called with a valid
/// request, built through the API: a dialogue under way that takes questions with post-moderation (unflagged questions
/// publish at once) and holds a published question, a walk under way with a confirmed participant, the police invited
/// to the dialogue and having accepted through their RSVP link, an observation assigned to the police, an Open311 key,
/// and statistics imported (one police event, BRÅ's count for the district and the city). Both events take registrations until their end. Its tables fill path parameters, headers, query parameters and
/// the body properties a schema alone cannot make valid; an operation the tables cannot serve is reported, so whoever
/// adds one teaches the world its values here.
/// </summary>
public sealed class PlantedWorld
{
    /// <summary>The start of both events: a Tuesday evening in Stockholm (18:00), well clear of daylight-saving changes.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 21, 16, 0, 0, TimeSpan.Zero);

    /// <summary>A point in Hägersten-Älvsjö, by Västberga.</summary>
    public const double Lat = 59.2935, Lon = 17.9905;

    private static readonly string[] ForwardStatuses = ["investigating", "planned", "inProgress", "fixed", "closed"];

    /// <summary>
    /// The form fields of Open311 GeoReport v2 <c>POST requests</c>, which the contract leaves open (a form of strings):
    /// those a client fills from what a person typed are free text.
    /// </summary>
    private static readonly (string Name, bool FreeText)[] GeoReportFields =
    [
        ("api_key", false), ("service_code", false), ("lat", false), ("long", false), ("attribute[severity]", false),
        ("description", true), ("address_string", true), ("email", true), ("first_name", true), ("last_name", true),
        ("phone", true), ("device_id", true), ("account_id", true), ("media_url", true),
    ];

    private const string PoliceEvent = """
        [{"id": 500001, "datetime": "2026-03-14 22:10:00 +01:00", "name": "14 mars 21.40, Skadegörelse, Stockholm",
          "summary": "Skadegörelse på en busskur i Fruängen.", "url": "/aktuellt/handelser/2026/mars/14/14-mars-2140-skadegorelse-stockholm/",
          "type": "Skadegörelse", "location": {"name": "Stockholm", "gps": "59.329324,18.068581"}}]
        """;

    private const string BraFigures = """
        area_label,area_name,area_level,crime_parent_path,crime_type,year,month,period_label,preliminary,unit,value
        Stadsdelsområde Hägersten-Älvsjö (Sthlm),Hägersten-Älvsjö,stadsdelsomrade,,Totalt antal brott,2026,3,2026 Mar,false,Antal,1210
        Stockholm kommun,Stockholm,kommun,,Totalt antal brott,2026,3,2026 Mar,false,Antal,14980
        """;

    private readonly ApiFactory api;

    private PlantedWorld(ApiFactory api) => this.api = api;

    public EventPlan Dialogue { get; private set; } = null!;
    public EventPlan Walk { get; private set; } = null!;
    public Actor Police { get; private set; } = null!;
    public string ActorToken { get; private set; } = "";
    public string WalkParticipantToken { get; private set; } = "";
    public string DialogueParticipantToken { get; private set; } = "";
    public string SurveyToken { get; private set; } = "";
    public Guid SurveyTextId { get; private set; }
    public string RsvpToken { get; private set; } = "";
    public string QuestionToken { get; private set; } = "";
    public Guid QuestionId { get; private set; }
    public string VoterToken { get; private set; } = "";
    public string AlertToken { get; private set; } = "";
    public string Open311Key { get; private set; } = "";
    public string ObservationArea { get; private set; } = "";
    public List<string> AreaSlugs { get; } = [];
    public List<string> CategoryCodes { get; } = [];

    /// <summary>The observation assigned to the police comes first: it is the one actors can move on.</summary>
    public List<string> ObservationIds { get; } = [];
    public List<string> ObservationNumbers { get; } = [];
    public List<string> MeasureIds { get; } = [];

    public static async Task<PlantedWorld> BuildAsync(ApiFactory api)
    {
        var world = new PlantedWorld(api);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        api.Clock.Set(Start.AddDays(-20));
        var staff = await api.ClientAs(DevRole.Staff);
        var planner = new Planner(staff);
        var (police, administration) = await planner.RequiredActorsAsync();
        Police = police;
        ActorToken = await api.TokenFor(DevRole.Actor, police.Id);

        var dialogueInput = Planner.Dialogue(Start);
        dialogueInput.RegistrationDeadline = dialogueInput.EndsAt;
        Dialogue = await staff.CreateEventAsync(dialogueInput);
        var walkInput = Planner.Walk(Start, Dialogue.Id);
        walkInput.RegistrationDeadline = walkInput.EndsAt;
        walkInput.CapacityOnSite = null;
        Walk = await staff.CreateEventAsync(walkInput);

        await staff.InviteActorsAsync(Dialogue.Id, new InviteRequest { ActorIds = [police.Id, administration.Id] });
        await api.DispatchAsync();
        var invitation = api.Mails().Single(m => m.To.Mailboxes.Any(a => a.Address == police.Contact.Email));
        RsvpToken = Regex.Match(invitation.TextBody ?? "", "/svar#([A-Za-z0-9_-]{43})").Groups[1].Value;
        await staff.InviteActorsAsync(Walk.Id, new InviteRequest { ActorIds = [police.Id, administration.Id] });
        var publish = new PublishRequest { OverrideReason = "Världen för testet av planterade personuppgifter." };
        Dialogue = await staff.PublishEventAsync(Dialogue.Id, publish);
        Walk = await staff.PublishEventAsync(Walk.Id, publish);
        await staff.SetQuestionSettingsAsync(Dialogue.Id, new QuestionSettings { Moderation = QuestionModeration.Post });
        var rsvp = await api.Client().AnswerRsvpAsync(RsvpToken, new RsvpRequest { Answer = RsvpAnswer.Accept });
        Assert.Equal(InvitationStatus.Accepted, rsvp.Status);

        var participant = await api.Client().RegisterForWalkAsync(Walk.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.OnSite, ConsentVersion = "2026-01" });
        Assert.Equal(RegistrationStatus.Confirmed, participant.Status);
        WalkParticipantToken = participant.ManageToken;
        DialogueParticipantToken = (await api.Client().RegisterForDialogueAsync(Dialogue.Id, Guid.NewGuid().ToString(),
            new RegistrationRequest { Mode = RegistrationMode.OnSite, ConsentVersion = "2026-01" })).ManageToken;
        SurveyToken = await api.IssueAsync(Walk.Id);
        SurveyTextId = await api.PendingTextAsync(Walk.Id);

        // Both events are now under way.
        api.Clock.Set(Start.AddMinutes(30));
        var question = await api.Client().AskQuestionAsync(Dialogue.Id, Guid.NewGuid().ToString(),
            new QuestionRequest { Text = "Vad görs åt belysningen vid tunnelbaneentrén?" });
        Assert.Equal(QuestionStatus.Published, question.Status);
        (QuestionId, QuestionToken) = (question.Id, question.QuestionToken);
        VoterToken = (await api.Client().IssueVoterTokenAsync()).Token;
        AlertToken = await AlertSubscriber.SubscribeAsync(api, "bevakare.varld@example.se");
        Open311Key = (await (await api.ClientAs(DevRole.Admin)).IssueOpen311KeyAsync(new Open311KeyRequest { Name = "Stockholms stads felanmälan" })).ApiKey!;

        var observation = await staff.RecordObservationAsync(new ObservationInput
        {
            Category = ObservationCategory.Lighting,
            Description = "Trasig gatlampa vid gångvägen.",
            Severity = 2,
            Lat = Lat,
            Lon = Lon,
            WalkId = Walk.Id,
        });
        await staff.AssignObservationAsync(observation.Id, new AssignRequest { ActorId = police.Id, Deadline = Start.AddDays(14) });
        ObservationIds.Add(observation.Id.ToString());
        ObservationArea = observation.Area.Slug;
        // A resident's report whose photo staff have cleared, so that the photo and its thumbnail can be read.
        var report = await api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Graffiti, "Klotter på tunnelns väggar.",
            Lat, Lon, null, null, null, null, new FileParameter(new MemoryStream(Features.Observations.TestPhotos.Png(64, 48)), "bild.png", "image/png"));
        await staff.ClearObservationPhotoAsync(report.Id);
        ObservationIds.Add(report.Id.ToString());

        // Figures for the statistics: one police event, and BRÅ's count for the district and the city in one month.
        var importer = api.CreateClient();
        importer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.TokenFor(DevRole.Staff));
        foreach (var (path, body, mediaType) in new[] { ("police-events", PoliceEvent, "application/json"), ("bra", BraFigures, "text/csv") })
        {
            var imported = await importer.PostAsync($"/api/v1/statistics/imports/{path}", new StringContent(body, Encoding.UTF8, mediaType));
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var http = api.CreateClient();
        AreaSlugs.AddRange(Slugs(JsonNode.Parse(await http.GetStringAsync("/api/v1/areas"))));
        CategoryCodes.AddRange(JsonNode.Parse(await http.GetStringAsync("/api/v1/observation-categories"))!.AsArray().Select(c => (string)c!["code"]!));
    }

    private static IEnumerable<string> Slugs(JsonNode? node) => node switch
    {
        JsonArray list => list.SelectMany(Slugs),
        JsonObject area => [(string)area["slug"]!, .. Slugs(area["children"])],
        _ => [],
    };

    /// <summary>After the planting: every observation by its id and number, and a measure that answers them and both events.</summary>
    public async Task AfterPlantingAsync()
    {
        var http = api.CreateClient();
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"/api/v1/observations?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"))!;
            foreach (var item in page["items"]!.AsArray())
            {
                if (!ObservationIds.Contains((string)item!["id"]!)) ObservationIds.Add((string)item["id"]!);
                ObservationNumbers.Add(item["number"]!.ToJsonString());
            }
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        var staff = await api.ClientAs(DevRole.Staff);
        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Ny belysning längs gångvägen",
            Description = "Armaturerna byts och buskarna klipps.",
            AreaSlug = ObservationArea,
            Status = MeasureStatus.InProgress,
            ResponsibleActorId = Police.Id,
            ObservationIds = [.. ObservationIds.Select(Guid.Parse)],
            EventIds = [Dialogue.Id, Walk.Id],
        });
        MeasureIds.Add(measure.Id.ToString());
    }

    /// <summary>Both events end and staff close them with their feedback, so the feedback pages can be read.</summary>
    public async Task CloseEventsAsync()
    {
        api.Clock.Set(Start.AddHours(3));
        var staff = await api.ClientAs(DevRole.Staff);
        foreach (var id in new[] { Dialogue.Id, Walk.Id })
            await staff.CloseEventAsync(id, new Closing
            {
                Minutes = "Polisen och förvaltningen svarade på frågor om belysning och buskage.",
                ParticipantsOnSite = 14,
                ParticipantsRemote = 5,
                Raised = "Mörka gångvägar och skymda entréer.",
                Actions = "Belysningen byts; buskarna klipps i maj.",
            });
    }

    /// <summary>
    /// The values a path parameter takes, by the collection it names (the literal segment before it) and its name:
    /// for planting the first is used, for reading all of them.
    /// </summary>
    public IReadOnlyList<string> PathValues(string collection, string parameter) => (collection, parameter) switch
    {
        ("dialogues", "id") => [Dialogue.Id.ToString()],
        ("dialogues", "idOrSlug") => [Dialogue.Id.ToString(), Dialogue.Slug],
        ("walks", "id") => [Walk.Id.ToString()],
        ("walks", "idOrSlug") => [Walk.Id.ToString(), Walk.Slug],
        ("areas", "slug") => AreaSlugs,
        ("observations", "id") => ObservationIds,
        ("questions", "id") => [QuestionId.ToString()],
        ("measures", "id") => MeasureIds,
        ("services", "code") => CategoryCodes,
        ("join-codes", "code") => [Trygghet.Api.Features.Questions.JoinCodes.For(Dialogue.Id)],
        ("requests", "id") => ObservationNumbers,
        ("survey-texts", "id") => [SurveyTextId.ToString()],
        (_, "format") => ["json", "xml"],
        _ => [],
    };

    /// <summary>Values of query parameters whose schema names no values of its own (an enum or a boolean does).</summary>
    public IReadOnlyList<string> QueryValues(string name, string? format) => name switch
    {
        "area" => [.. new[] { Dialogue.AreaSlug, ObservationArea, "hagersten-alvsjo" }.Distinct()],
        "lat" => [Lat.ToString(CultureInfo.InvariantCulture)],
        "lon" => [Lon.ToString(CultureInfo.InvariantCulture)],
        "walkId" => [Walk.Id.ToString()],
        "q" => ["fruängen", "bibliotek"],
        "from" or "start_date" => [Moment(Start.AddDays(-2), format)],
        "to" or "end_date" => [Moment(Start.AddDays(2), format)],
        "service_request_id" => ObservationNumbers.Count == 0 ? [] : [string.Join(',', ObservationNumbers)],
        "service_code" => CategoryCodes,
        "status" => ["open", "closed"], // Open311's; where the contract names statuses, its enum is used instead
        "format" => ["json", "csv"],
        _ => [],
    };

    private static string Moment(DateTimeOffset at, string? format) =>
        format == "date" ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : at.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    /// <summary>Header values: the secret tokens of the links a resident or an actor holds, and fresh idempotency keys.</summary>
    public string? Header(string operationId, string name) => (operationId, name) switch
    {
        // Changing mode needs an event with two modes: the dialogue's participant (on site, no e-mail yet) moves to remote.
        ("ChangeMyMode", "X-Registration-Token") => DialogueParticipantToken,
        (_, "X-Registration-Token") => WalkParticipantToken,
        (_, "X-Rsvp-Token") => RsvpToken,
        (_, "X-Survey-Token") => SurveyToken,
        (_, "X-Question-Token") => QuestionToken,
        (_, "X-Voter-Token") => VoterToken,
        (_, "X-Alert-Token") => AlertToken,
        (_, "Idempotency-Key") => Guid.NewGuid().ToString(),
        _ => null,
    };

    /// <summary>
    /// Body properties whose valid value the schema cannot say (a point in the district, the consent version, the walk,
    /// a forward status), and neutral texts for the free-text fields not being planted. Attempt counts the operation's
    /// planted requests, for values that must change from one request to the next.
    /// </summary>
    public JsonNode? Property(string operationId, string name, int attempt) => (operationId, name) switch
    {
        ("ChangeObservationStatus", "status") => ForwardStatuses[Math.Min(attempt, ForwardStatuses.Length - 1)],
        ("ChangeMyMode", "mode") => "remote",
        (_, "areas") => new JsonArray("fruangen"),
        (_, "lat") => Lat,
        (_, "lon") => Lon,
        (_, "consentVersion") => "2026-01",
        (_, "mode") => "onSite",
        (_, "walkId") => Walk.Id.ToString(),
        (_, "addresseeActorId") => Police.Id.ToString(),
        ("EmailQuestionReceipt", "questionToken") => QuestionToken,
        ("EmailQuestionReceipt", "email") => "boende@example.se",
        (_, "live") => false,
        (_, "answer") => "accept",
        (_, "severity") => 2,
        (_, "text") => "Vad görs åt belysningen vid gångvägen?",
        (_, "description") => "Trasig gatlampa, mörkt längs gångvägen.",
        (_, "note") => "Vi ser över platsen.",
        _ => null,
    };

    /// <summary>
    /// The fields of a form, with the neutral value of each (null: left out) and whether a person types it: those the
    /// contract leaves open (Open311), and those whose valid value its schema cannot say (a resident's report: a point in the
    /// district); empty when the world does not know the form.
    /// </summary>
    public IReadOnlyList<(string Name, string? Neutral, bool FreeText)> FormFields(OpenApiDocument.Operation operation) =>
        operation.Path.StartsWith("/open311/", StringComparison.Ordinal)
            ? [.. GeoReportFields.Select(f => (f.Name, f.Name switch
            {
                "api_key" => Open311Key,
                "service_code" => "lighting",
                "lat" => Lat.ToString(CultureInfo.InvariantCulture),
                "long" => Lon.ToString(CultureInfo.InvariantCulture),
                "attribute[severity]" => "2",
                "description" => "Klotter på gångtunnelns väggar.",
                _ => (string?)null,
            }, f.FreeText))]
            : operation.Id == "ReportObservation"
            ? [("category", "lighting", false), ("description", "Trasig lampa vid gångtunneln.", true),
                ("latitude", Lat.ToString(CultureInfo.InvariantCulture), false), ("longitude", Lon.ToString(CultureInfo.InvariantCulture), false),
                ("severity", null, false), ("areaSlug", null, false), ("eventId", null, false), ("email", null, true), ("photo", null, false)]
            : [];
}
