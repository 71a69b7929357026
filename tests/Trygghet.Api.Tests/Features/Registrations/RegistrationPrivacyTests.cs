using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trygghet.Api.Tests.Features.Registrations;

public sealed class RegistrationPrivacyTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Email = "zelda.privat@example.se";
    private const string Name = "Zelda Privatsson";

    [Fact]
    public async Task No_anonymous_response_log_line_or_url_carries_an_email_address_or_name()
    {
        var logs = new ConcurrentQueue<string>();
        await using var api = new LoggingApiFactory(Fixture.Postgres.ConnectionString, logs);
        var e = await Registrar.OpenAsync(api, Planner.Dialogue(DateTimeOffset.UtcNow.AddDays(30)));
        var http = api.CreateClient();
        var anonymous = new List<string>();
        async Task<HttpResponseMessage> Send(HttpRequestMessage request)
        {
            var response = await http.SendAsync(request);
            Assert.DoesNotContain("@", request.RequestUri!.ToString());
            anonymous.Add(await response.Content.ReadAsStringAsync());
            return response;
        }
        HttpRequestMessage Register(string key, object body) => new(HttpMethod.Post, $"/api/v1/dialogues/{e.Id}/registrations")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(body),
        };

        var created = await Send(Register("privacy-key-1", new { mode = "remote", consentVersion = "2026-01", email = Email, name = Name, accessibilityNeeds = "Teckentolk" }));
        await Send(Register("privacy-key-1", new { mode = "remote", consentVersion = "2026-01", email = Email, name = Name, accessibilityNeeds = "Teckentolk" }));
        await Send(Register("privacy-key-1", new { mode = "onSite", consentVersion = "2026-01", email = Email, name = Name }));
        await Send(Register("privacy-key-2", new { mode = "onSite", consentVersion = "2026-01", email = "zelda.privat@", name = Name }));
        await Send(Register("privacy-key-3", new { mode = "onSite", consentVersion = "2026-01", email = Email, name = new string('x', 300) + Name }));
        foreach (var url in new[] { "/api/v1/dialogues", $"/api/v1/dialogues/{e.Slug}", $"/api/v1/dialogues/{e.Slug}/availability",
                     $"/api/v1/dialogues/{e.Slug}/calendar.ics", "/api/v1/calendar.ics", "/api/v1/statistics/engagement?area=fruangen" })
            await Send(new HttpRequestMessage(HttpMethod.Get, url));
        var token = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("manageToken").GetString()!;
        var own = await api.Client().GetMyRegistrationAsync(token); // the holder of the link sees their own data
        await api.Client().EraseMyPersonalDataAsync(token);
        await api.DispatchAsync();

        Assert.Equal(Email, own.Email);
        Assert.Equal(201, (int)created.StatusCode);
        Assert.All(anonymous, body => Assert.DoesNotContain(Email, body));
        Assert.All(anonymous, body => Assert.DoesNotContain(Name, body));
        Assert.NotEmpty(logs);
        Assert.Contains(logs, line => line.Contains("/registrations")); // request URLs are logged, so the check below means something
        Assert.DoesNotContain(logs, line => line.Contains(Email) || line.Contains("zelda.privat") || line.Contains(Name));
    }

    /// <summary>The API with every log line, down to Debug, kept for inspection.</summary>
    private sealed class LoggingApiFactory(string connectionString, ConcurrentQueue<string> lines)
        : ApiFactory(connectionString, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(new Capture(lines)).SetMinimumLevel(LogLevel.Debug)));
        }
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{formatter(state, exception)} {exception}");

        public void Dispose()
        {
        }
    }
}
