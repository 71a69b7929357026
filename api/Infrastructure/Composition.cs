using FluentValidation;
using Microsoft.AspNetCore.Localization;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// The shared plumbing every feature builds on, registered and put in the request pipeline in one place, so that
/// <c>Program.cs</c> lists only the features.
/// </summary>
public static class Composition
{
    /// <summary>JSON, problems, the database, the mediator with its behaviours, validators, audit, mail, jobs and retention.</summary>
    public static IServiceCollection AddTrygghetCore(this IServiceCollection services, IConfiguration configuration, ApiOptions options)
    {
        services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(json => Json.Configure(json.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemText.Localise);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);

        services.AddDatabase(configuration);
        services.AddMediator(mediator =>
        {
            mediator.ServiceLifetime = ServiceLifetime.Scoped;
            mediator.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddScoped<AuditLog>();
        services.AddSingleton<ISecretTokens, SecretTokens>();
        services.AddSettings<ApiOptions>(configuration, "Api", SettingsRules.Api, registerValue: false); // Program passes its own instance along
        services.AddSettings<SiteOptions>(configuration, "Site", SettingsRules.Site);
        services.AddTrygghetProxies(configuration);

        // Mail leaves through the outbox: SMTP when a host is set, otherwise .eml files in a pickup folder.
        services.AddScoped<Outbox>();
        var mail = Settings.Read<MailOptions>(configuration, "Mail");
        services.AddSettings<MailOptions>(configuration, "Mail", SettingsRules.Mail, registerValue: false);
        services.AddSingleton(mail);
        if (string.IsNullOrEmpty(mail.SmtpHost)) services.AddSingleton<IMailSender, PickupDirectorySender>();
        else services.AddSingleton<IMailSender, SmtpSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());

        // Periodic jobs (the features add theirs) run in their own runner, whatever the mail settings.
        services.AddSettings<RetentionOptions>(configuration, "Retention", SettingsRules.Retention);
        services.AddSingleton<IPeriodicJob, PersonalDataRetention>();
        services.AddSettings<JobOptions>(configuration, "Jobs", SettingsRules.Jobs);
        services.AddSingleton<PeriodicJobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<PeriodicJobRunner>());
        return services;
    }

    /// <summary>The request pipeline in front of every endpoint, in the order it must run.</summary>
    public static WebApplication UseTrygghetPipeline(this WebApplication app, ApiOptions options)
    {
        // The client's real address and scheme first, from the configured proxies only: rate limits, stream caps, logs
        // and the audit see the resident, not the proxy.
        // With no proxy configured the middleware is left out: given empty lists it would believe everyone.
        if (Settings.Read<ProxyOptions>(app.Configuration, "Proxy").Configured) app.UseForwardedHeaders();
        // Culture next, so that every problem written further in is in the caller's language.
        app.UseRequestLocalization(localization =>
        {
            localization.SetDefaultCulture("sv").AddSupportedCultures("sv", "en").AddSupportedUICultures("sv", "en");
            localization.ApplyCurrentCultureToResponseHeaders = true;
            // No culture cookie: an answer's language follows only the URL (?culture=) and Accept-Language, which caches key on.
            localization.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseCachePolicy(); // whoever writes the answer, it leaves with the one cache policy (CachePolicy)
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestSizeLimit(options);
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseCachePolicyEndpoint();
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
        return app;
    }

    /// <summary>
    /// HEAD wherever GET is (RFC 9110 §9.3.2): the request is routed and answered as a GET with the same status and
    /// headers, and no body. Live streams are left out: they never end.
    /// </summary>
    private static void UseHeadAsGet(this WebApplication app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (HttpMethods.IsHead(request.Method) && !request.Path.Value!.EndsWith("/stream", StringComparison.Ordinal))
        {
            request.Method = HttpMethods.Get;
            http.Response.Body = Stream.Null; // whatever server runs the app, a HEAD answer has no body
        }
        await next(http);
    });
}
