using Trygghet.Api.Features.Actors;
using Trygghet.Api.Features.Alerts;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Audit;
using Trygghet.Api.Features.Dev;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Feedback;
using Trygghet.Api.Features.Measures;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Features.Places;
using Trygghet.Api.Features.Questions;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Features.Statistics;
using Trygghet.Api.Features.Surveys;
using Trygghet.Api.Infrastructure;

// `--export-openapi FILE` writes the contract as the Development host serves it (with the dev token route) and exits.
var exportOpenApi = args.SkipWhile(a => a != "--export-openapi").Skip(1).FirstOrDefault();
var builder = WebApplication.CreateBuilder(exportOpenApi is null
    ? new WebApplicationOptions { Args = args }
    : new WebApplicationOptions { Args = args, EnvironmentName = Environments.Development });
var options = Settings.Read<ApiOptions>(builder.Configuration, "Api");

builder.Logging.ClearProviders().AddJsonConsole(json => json.UseUtcTimestamp = true);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes; // raised per request for uploads (ApiOptions.LargeBodies)
    kestrel.AddServerHeader = false;
});

ValidationTexts.Use(CommonTexts.Fields, ActorTexts.Fields, AreaTexts.Fields, EventTexts.Fields, MeasureTexts.Fields, ObservationTexts.Fields,
    PlaceTexts.Fields, QuestionTexts.Fields, RegistrationTexts.Fields, StatisticsTexts.Fields, SurveyTexts.Fields,
    AlertTexts.Fields);
builder.Services.AddTrygghetCore(builder.Configuration, options);
builder.Services.AddTrygghetAuth(builder.Configuration, builder.Environment);
builder.Services.AddTrygghetOperations(options);
builder.Services.AddTrygghetOpenApi();

builder.Services.AddAreas(builder.Configuration);
builder.Services.AddEvents(builder.Configuration);
builder.Services.AddRegistrations(builder.Configuration);
builder.Services.AddQuestions(builder.Configuration);
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddObservations(builder.Configuration, options);
builder.Services.AddPlaces(builder.Configuration);
builder.Services.AddSurveys(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);

var app = builder.Build();

app.UseTrygghetPipeline(options);

// Every endpoint names the CORS policy, so a browser's preflight is answered for the operation it asks about.
var root = app.MapGroup("").RequireCors(PublicCorsPolicyProvider.PolicyName);
var api = root.MapGroup("/api/v1");
api.MapAreas();
api.MapPlaces();
api.MapActors();
api.MapEvents();
api.MapRegistrations();
api.MapObservations();
api.MapMeasures();
api.MapFeedback();
api.MapQuestions();
api.MapAudit();
api.MapStatistics();
api.MapSurveys();
api.MapAlerts();
if (app.Environment.IsDevelopment()) api.MapDevToken();
root.MapOpen311();
root.MapHealth();

if (exportOpenApi is not null)
{
    // The endpoint list is complete only once the pipeline is built: start on a free loopback port, without the database.
    app.Urls.Add("http://127.0.0.1:0");
    await app.StartAsync();
    await File.WriteAllTextAsync(exportOpenApi, await OpenApi.WriteDocumentAsync(app.Services));
    await app.StopAsync();
    Console.WriteLine($"OpenAPI document written to {exportOpenApi}");
    return 0;
}

// Every setting is checked before the database is touched or a port is opened: a misconfigured instance stops here,
// naming each setting to correct, and the orchestrator sees a failed start instead of an instance answering 500.
if (Settings.Problems(app.Services) is { Count: > 0 } problems)
{
    Settings.Report(app, problems);
    // Hosted inside another program (a test's WebApplicationFactory), there is no process to end: the host fails instead.
    if (System.Reflection.Assembly.GetEntryAssembly() != typeof(Program).Assembly) throw new InvalidOperationException(string.Join(" ", problems));
    await app.DisposeAsync(); // flushes the log
    return 1;
}
if (app.Configuration.GetValue("Database:MigrateOnStartup", true)) await Startup.PrepareDatabaseAsync(app);
app.Run();
return 0;

public partial class Program;
