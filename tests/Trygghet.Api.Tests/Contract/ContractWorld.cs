using System.Globalization;
using System.Text.Json.Nodes;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Contract;

/// <summary>
/// One of each thing the contract's operations act on, made through the API: a published dialogue with its invited
/// actors, a walk, a registration, a pending and a published question, an observation, a measure and an Open311 key.
/// Path parameters and secret headers are filled from it, so that a request of the right shape reaches its handler
/// and its SQL instead of stopping at a 404.
/// </summary>
public sealed class ContractWorld
{
    public required EventPlan Dialogue { get; init; }
    public required EventPlan Walk { get; init; }
    public required Guid ActorId { get; init; }
    public required string RsvpToken { get; init; }
    public required string ManageToken { get; init; }
    public required string CheckInCode { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required Guid PendingQuestionId { get; init; }
    public required Guid PublishedQuestionId { get; init; }
    public required string QuestionToken { get; init; }
    public required string VoterToken { get; init; }
    public required Observation Observation { get; init; }

    /// <summary>A resident's report whose photo waits for staff.</summary>
    public required Observation Report { get; init; }
    public required Guid MeasureId { get; init; }
    public required Open311Key Open311Key { get; init; }
    public required string SurveyToken { get; init; }
    public required Guid SurveyTextId { get; init; }

    /// <summary>The secret of a link of a confirmed alert subscription's e-mails.</summary>
    public required string AlertToken { get; init; }

    public static async Task<ContractWorld> CreateAsync(ApiFactory api)
    {
        var planner = await Planner.StaffAsync(api);
        var staff = planner.Staff;
        var now = api.Clock.GetUtcNow();
        var draft = await staff.CreateEventAsync(Planner.Dialogue(now.AddDays(30)));
        var (police, administration) = await planner.RequiredActorsAsync();
        var invitations = await staff.InviteActorsAsync(draft.Id, new InviteRequest { ActorIds = [police.Id, administration.Id] });
        var dialogue = await staff.PublishEventAsync(draft.Id, new PublishRequest());
        var walk = await Registrar.OpenAsync(api, Planner.Walk(now.AddDays(31), dialogue.Id));
        // Each event has an English translation, so that operations on one (the example language, en) find it.
        await staff.PutEventTranslationAsync(dialogue.Id, "en", new EventTranslationInput { Title = "Safety dialogue in Fruängen" });
        await staff.PutEventTranslationAsync(walk.Id, "en", new EventTranslationInput { Title = "Safety walk in Fruängen" });
        var registration = await api.RegisterAsync(dialogue.Id);
        QuestionRequest Question(string text) => new() { Text = text };
        var pending = await api.Client().AskQuestionAsync(dialogue.Id, Guid.NewGuid().ToString(), Question("Varför är det så mörkt vid tunnelbanan?"));
        var published = await api.Client().AskQuestionAsync(dialogue.Id, Guid.NewGuid().ToString(), Question("När lagas lamporna i parken?"));
        await (await api.ClientAs(DevRole.Moderator)).ApproveQuestionAsync(published.Id, new ApprovalRequest());
        var observation = await staff.RecordObservationAsync(new ObservationInput
        {
            Category = ObservationCategory.Lighting,
            Description = "Trasig lampa vid trappan.",
            Severity = 2,
            Lat = 59.2846,
            Lon = 17.9694,
        });
        var report = await api.Client().ReportObservationAsync(Guid.NewGuid().ToString(), ObservationCategory.Graffiti, "Klotter på tunnelns väggar.",
            59.2846, 17.9694, null, null, null, null, new FileParameter(new MemoryStream(Features.Observations.TestPhotos.Png(32, 24)), "bild.png", "image/png"));
        var measure = await staff.CreateMeasureAsync(new MeasureInput
        {
            Title = "Ny belysning vid trappan",
            Description = "Armaturerna byts.",
            AreaSlug = "fruangen",
            Status = MeasureStatus.Planned,
        });
        var alertToken = await AlertSubscriber.SubscribeAsync(api, "bevakare@example.se");
        return new ContractWorld
        {
            AlertToken = alertToken,
            Dialogue = dialogue,
            Walk = walk,
            ActorId = police.Id,
            RsvpToken = invitations.Single(i => i.ActorId == police.Id).RsvpToken!,
            ManageToken = registration.ManageToken,
            CheckInCode = registration.CheckInCode,
            Now = now,
            PendingQuestionId = pending.Id,
            PublishedQuestionId = published.Id,
            QuestionToken = pending.QuestionToken,
            VoterToken = (await api.Client().IssueVoterTokenAsync()).Token,
            Observation = observation,
            Report = report,
            MeasureId = measure.Id,
            Open311Key = await (await api.ClientAs(DevRole.Admin)).IssueOpen311KeyAsync(new Open311KeyRequest { Name = "Felanmälan" }),
            SurveyToken = await api.IssueAsync(dialogue.Id),
            SurveyTextId = await api.PendingTextAsync(dialogue.Id),
        };
    }

    /// <summary>The thing a path parameter of the operation names; the contract's example where the world has none.</summary>
    public string PathValue(OpenApiDocument.Operation op, JsonObject parameter)
    {
        var name = (string)parameter["name"]!;
        bool Under(string prefix) => op.Path.StartsWith(prefix, StringComparison.Ordinal);
        return name switch
        {
            "idOrSlug" => Under("/api/v1/walks/") ? Walk.Slug : Dialogue.Slug,
            "slug" => "fruangen",
            "code" when Under("/api/v1/join-codes/") => Trygghet.Api.Features.Questions.JoinCodes.For(Dialogue.Id),
            "id" when Under("/api/v1/dialogues/") || Under("/api/v1/events/") => Dialogue.Id.ToString(),
            "id" when Under("/api/v1/walks/") => Walk.Id.ToString(),
            "id" when Under("/api/v1/actors/") => ActorId.ToString(),
            "id" when Under("/api/v1/questions/") => op.Id is "ApproveQuestion" or "RejectQuestion" or "MergeQuestion" or "RedactQuestion"
                ? PendingQuestionId.ToString()
                : PublishedQuestionId.ToString(),
            "id" when Under("/api/v1/observations/") && op.Path.Contains("/photo", StringComparison.Ordinal) => Report.Id.ToString(),
            "id" when Under("/api/v1/observations/") => Observation.Id.ToString(),
            "id" when Under("/api/v1/measures/") => MeasureId.ToString(),
            "id" when Under("/api/v1/open311/keys/") => Open311Key.Id.ToString(),
            "id" when Under("/open311/") => Observation.Number.ToString(CultureInfo.InvariantCulture),
            "id" when Under("/api/v1/survey-texts/") => SurveyTextId.ToString(),
            _ => OpenApiDocument.Example(parameter),
        };
    }

    /// <summary>The value of a header parameter: the world's secret tokens, a fresh Idempotency-Key, else the example.</summary>
    public string HeaderValue(JsonObject parameter) => (string)parameter["name"]! switch
    {
        "X-Registration-Token" => ManageToken,
        "X-Question-Token" => QuestionToken,
        "X-Voter-Token" => VoterToken,
        "X-Alert-Token" => AlertToken,
        "X-Rsvp-Token" => RsvpToken,
        "X-Survey-Token" => SurveyToken,
        "Idempotency-Key" => Guid.NewGuid().ToString(),
        _ => OpenApiDocument.Example(parameter),
    };

    /// <summary>A body valid for the world: every property set, ids and times that resolve, a walk with its details.</summary>
    public JsonNode Body(JsonObject schema) => OpenApiDocument.SampleBody(schema, ValueFor);

    /// <summary>A query parameter's value: its example, else one valid for the world; null to leave it out.</summary>
    public string? QueryValue(JsonObject parameter)
    {
        if (parameter["example"] is { } example) return example.ToString();
        var schema = OpenApiDocument.Resolve(parameter["schema"]?.AsObject() ?? []);
        return ValueFor((string)parameter["name"]!, schema, out var value)
            ? value?.ToString()
            : schema["enum"] is JsonArray values ? values[0]!.ToString() : OpenApiDocument.Example(parameter);
    }

    private bool ValueFor(string name, JsonObject schema, out JsonNode? value)
    {
        static JsonNode Time(DateTimeOffset at) => JsonValue.Create(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        static JsonNode Date(DateTimeOffset at) => JsonValue.Create(at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var format = (string?)schema["format"];
        JsonNode? Id(Guid id) => JsonValue.Create(id.ToString());
        var known = true;
        value = name switch
        {
            "startsAt" => Time(Now.AddDays(40)),
            "endsAt" => Time(Now.AddDays(40).AddHours(2)),
            "registrationDeadline" => Time(Now.AddDays(39)),
            "from" when format == "date-time" => Time(Now.AddDays(-400)),
            "to" when format == "date-time" => Time(Now.AddDays(400)),
            "from" when format == "date" => Date(Now.AddYears(-1)),
            "to" when format == "date" => Date(Now),
            "start_date" => Time(Now.AddDays(-30)),
            "end_date" => Time(Now.AddDays(1)),
            "deadline" => Date(Now.AddDays(60)),
            "startsOn" or "completedOn" or "repeatWalkPlannedOn" or "followUpEventId" or "duplicateOf" or "slug" or "cursor" => null,
            "actorId" or "responsibleActorId" or "addresseeActorId" => Id(ActorId),
            "actorIds" => new JsonArray(Id(ActorId)),
            "observationIds" => new JsonArray(Id(Observation.Id)),
            "eventIds" => new JsonArray(Id(Dialogue.Id)),
            "eventId" => Id(Dialogue.Id),
            "walkId" => Id(Walk.Id),
            "linkedDialogueId" => Id(Dialogue.Id),
            "into" => Id(PublishedQuestionId),
            "entityId" => Id(Dialogue.Id),
            "entityType" => "event",
            "areaSlug" or "area" => "fruangen",
            "areas" => new JsonArray("fruangen"),
            "email" => "ada@example.se",
            "phone" => "08-508 000 00",
            "overrideReason" => "Aktörerna bjöds in muntligen i god tid.",
            "remoteUrl" => "https://meet.example.se/trygghet",
            "consentVersion" => Registrar.Consent,
            "code" => CheckInCode,
            "questionToken" => QuestionToken,
            "kind" when schema["enum"] is JsonArray kinds && kinds.Any(k => (string?)k == "walk") => "walk",
            "route" => JsonNode.Parse("""{"type":"LineString","coordinates":[[17.9694,59.2846],[17.966,59.286]]}"""),
            "lat" or "meetingLat" => 59.2846,
            "lon" or "meetingLon" => 17.9694,
            "severity" => 2,
            "limit" => 10,
            "lastEventId" => 0,
            "service_request_id" => Observation.Number.ToString(CultureInfo.InvariantCulture),
            "service_code" => "lighting",
            "status" when schema["enum"] is null => "open",
            "format" when schema["enum"] is null => "json",
            "datetime" => "2026-01-01 0:05:56 +01:00",
            "gps" => "59.3,18.0",
            _ => Unknown(out known),
        };
        return known;

        static JsonNode? Unknown(out bool known)
        {
            known = false;
            return null;
        }
    }

    /// <summary>A form field's value: the world's Open311 key for <c>api_key</c>, else the example.</summary>
    public string FormValue(string name, JsonNode? example) =>
        name == "api_key" ? Open311Key.ApiKey! : example?.ToString() ?? "example";
}
