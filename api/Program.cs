using FluentValidation;
using Trygghet.Api.Features.Actors;
using Trygghet.Api.Features.Areas;
using Trygghet.Api.Features.Audit;
using Trygghet.Api.Features.Dev;
using Trygghet.Api.Features.Events;
using Trygghet.Api.Features.Feedback;
using Trygghet.Api.Features.Measures;
using Trygghet.Api.Features.Observations;
using Trygghet.Api.Features.Questions;
using Trygghet.Api.Features.Registrations;
using Trygghet.Api.Features.Statistics;
using Trygghet.Api.Infrastructure;

// `--export-openapi FILE` writes the contract as the Development host serves it (with the dev token route) and exits.
var exportOpenApi = args.SkipWhile(a => a != "--export-openapi").Skip(1).FirstOrDefault();
var builder = WebApplication.CreateBuilder(exportOpenApi is null
    ? new WebApplicationOptions { Args = args }
    : new WebApplicationOptions { Args = args, EnvironmentName = Environments.Development });
var options = builder.Configuration.GetSection("Api").Get<ApiOptions>() ?? new ApiOptions();

builder.Logging.ClearProviders().AddJsonConsole(json => json.UseUtcTimestamp = true);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
    kestrel.AddServerHeader = false;
});

builder.Services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => Json.Configure(json.JsonSerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemText.Localise);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddMediator(mediator =>
{
    mediator.ServiceLifetime = ServiceLifetime.Scoped;
    mediator.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddScoped<AuditLog>();
builder.Services.AddSingleton<ISecretTokens, SecretTokens>();
builder.Services.AddScoped<Outbox>();
var mail = builder.Configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
builder.Services.AddSingleton(mail);
if (string.IsNullOrEmpty(mail.SmtpHost)) builder.Services.AddSingleton<IMailSender, PickupDirectorySender>();
else builder.Services.AddSingleton<IMailSender, SmtpSender>();
builder.Services.AddEvents(builder.Configuration);
builder.Services.AddRegistrations(builder.Configuration);
builder.Services.AddSingleton(builder.Configuration.GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions());
builder.Services.AddSingleton<IPeriodicJob, PersonalDataRetention>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Jobs").Get<JobOptions>() ?? new JobOptions());
builder.Services.AddSingleton<PeriodicJobRunner>();
builder.Services.AddHostedService(services => services.GetRequiredService<PeriodicJobRunner>());
builder.Services.AddSingleton<OutboxDispatcher>();
builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
builder.Services.AddQuestions(builder.Configuration);
builder.Services.AddAreas(builder.Configuration);
builder.Services.AddStatistics(builder.Configuration);
builder.Services.AddSingleton(builder.Configuration.GetSection("Site").Get<SiteOptions>() ?? new SiteOptions());

builder.Services.AddTrygghetAuth(builder.Configuration, builder.Environment);
builder.Services.AddTrygghetOperations(options);
builder.Services.AddTrygghetOpenApi();

var app = builder.Build();

// Culture first, so that every problem written further in is in the caller's language.
app.UseRequestLocalization(localization =>
{
    localization.SetDefaultCulture("sv").AddSupportedCultures("sv", "en").AddSupportedUICultures("sv", "en");
    localization.ApplyCurrentCultureToResponseHeaders = true;
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestSizeLimit(options);
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseControlCharacterCheck(); // one rule for every route value, query parameter, form field and JSON body string
app.UseSpa(); // the built app, when Spa:Root names it (./run does)

if (app.Environment.IsDevelopment())
{
    app.UseSwagger();
    app.UseSwaggerUI(ui => ui.DocumentTitle = "Trygghet API");
}

var api = app.MapGroup("/api/v1");
api.MapAreas();
api.MapActors();
api.MapEvents();
api.MapRegistrations();
api.MapObservations();
api.MapMeasures();
api.MapFeedback();
api.MapQuestions();
api.MapAudit();
api.MapStatistics();
if (app.Environment.IsDevelopment()) api.MapDevToken();
app.MapOpen311();
app.MapHealth();

if (exportOpenApi is not null)
{
    // The endpoint list is complete only once the pipeline is built: start on a free loopback port, without the database.
    app.Urls.Add("http://127.0.0.1:0");
    await app.StartAsync();
    await File.WriteAllTextAsync(exportOpenApi, await OpenApi.WriteDocumentAsync(app.Services));
    await app.StopAsync();
    Console.WriteLine($"OpenAPI document written to {exportOpenApi}");
    return;
}

if (app.Configuration.GetValue("Database:MigrateOnStartup", true)) await Startup.PrepareDatabaseAsync(app);
app.Run();

public partial class Program;
