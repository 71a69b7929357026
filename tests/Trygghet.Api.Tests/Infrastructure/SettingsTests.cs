using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// Settings are checked before the API touches the database or opens a port: ranges in every environment, and in
/// Production what a city deployment cannot do without, one message per setting naming its environment variable.
/// </summary>
public sealed class SettingsTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Everything Production needs, none of it contacted: mail is not dispatched and jobs do not run.</summary>
    private static Dictionary<string, string> Production(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DATABASE_URL"] = connectionString,
        ["Auth__Authority"] = "https://login.example.invalid/realms/stockholm",
        ["Site__PublicUrl"] = "https://trygghet.example.se",
        ["Mail__SmtpHost"] = "smtp.example.invalid",
        ["Mail__From"] = "Trygghet Hägersten-Älvsjö <no-reply@trygghet.example.se>",
        ["Mail__DispatcherEnabled"] = "false",
        ["Jobs__Enabled"] = "false",
        ["PoliceFetch__Enabled"] = "false",
        ["Api__CorsOrigins__0"] = "https://www.stockholm.se",
        ["Proxy__KnownNetworks"] = "10.0.0.0/8",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private static IReadOnlyList<string> ProblemsOf(string environment, Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddSettings<ApiOptions>(configuration, "Api", SettingsRules.Api);
        services.AddSettings<AuthOptions>(configuration, "Auth", SettingsRules.Auth);
        services.AddSettings<SiteOptions>(configuration, "Site", SettingsRules.Site);
        services.AddSettings<MailOptions>(configuration, "Mail", SettingsRules.Mail);
        services.AddSettings<RetentionOptions>(configuration, "Retention", SettingsRules.Retention);
        services.AddSettings<JobOptions>(configuration, "Jobs", SettingsRules.Jobs);
        services.AddSettings<ProxyOptions>(configuration, "Proxy", (proxy, _) => proxy.Problems());
        using var provider = services.BuildServiceProvider();
        return Settings.Problems(provider);
    }

    [Fact]
    public void The_defaults_pass_in_Development()
    {
        Assert.Empty(ProblemsOf("Development", []));
    }

    [Fact]
    public void In_Production_each_missing_setting_is_named_once()
    {
        var problems = ProblemsOf("Production", []);

        Assert.Equal(
        [
            "Auth__Authority is required in Production: the OIDC issuer whose keys sign staff tokens (e.g. https://login.stockholm.se/realms/trygghet).",
            "Mail__SmtpHost is required in Production: without it e-mails are only written to a folder (Mail__PickupDirectory, for development).",
            "Site__PublicUrl is required in Production.",
        ], problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_Production_a_local_or_plain_http_public_address_and_an_http_origin_are_refused()
    {
        var problems = ProblemsOf("Production", new()
        {
            ["Auth:Authority"] = "http://login.example.se/realms/stockholm",
            ["Site:PublicUrl"] = "https://localhost:8080",
            ["Mail:SmtpHost"] = "smtp.example.se",
            ["Api:CorsOrigins:0"] = "http://www.stockholm.se",
        });

        Assert.Equal(3, problems.Count);
        Assert.Contains("Auth__Authority must use https in Production, not 'http://login.example.se/realms/stockholm'.", problems);
        Assert.Contains("Site__PublicUrl must be the public https address in Production, not 'https://localhost:8080'.", problems);
        Assert.Contains("Api__CorsOrigins__0 must be an https origin in Production, not 'http://www.stockholm.se'.", problems);
    }

    [Fact]
    public void Ranges_and_malformed_entries_are_refused_in_every_environment()
    {
        var problems = ProblemsOf("Development", new()
        {
            ["Api:AnonymousWritesPerMinute"] = "-1",
            ["Api:MaxStreamsPerAddress"] = "0",
            ["Api:CorsOrigins:0"] = "https://trygghet.stockholm.se/app",
            ["Mail:PollSeconds"] = "0",
            ["Mail:SmtpPort"] = "70000",
            ["Mail:From"] = "no-reply",
            ["Jobs:IntervalSeconds"] = "0",
            ["Retention:ReportDays"] = "-5",
            ["Proxy:KnownProxies"] = "10.0.0.5, 10.1",
            ["Proxy:KnownNetworks"] = "10.0.0.0/33,192.168.0.0",
        });

        Assert.Equal(
        [
            "Api__AnonymousWritesPerMinute must be at least 1 (it is -1).",
            "Api__CorsOrigins__0 must be an origin such as https://trygghet.stockholm.se (scheme, host and port only), not 'https://trygghet.stockholm.se/app'.",
            "Api__MaxStreamsPerAddress must be at least 1 (it is 0).",
            "Jobs__IntervalSeconds must be between 1 and 86400 (it is 0).",
            "Mail__From must be an e-mail address such as 'Trygghet <no-reply@stockholm.se>', not 'no-reply'.",
            "Mail__PollSeconds must be between 1 and 3600 (it is 0).",
            "Mail__SmtpPort must be between 1 and 65535 (it is 70000).",
            "Proxy__KnownNetworks: '10.0.0.0/33' is not a network in CIDR form (e.g. 10.0.0.0/8).",
            "Proxy__KnownNetworks: '192.168.0.0' is not a network in CIDR form (e.g. 10.0.0.0/8).",
            "Proxy__KnownProxies: '10.1' is not an IP address (addresses are comma-separated, e.g. 10.0.0.5,10.0.0.6).",
            "Retention__ReportDays must be at least 0 (it is -5).",
        ], problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_variable()
    {
        var problems = ProblemsOf("Development", new() { ["Api:MaxStreamsPerAddress"] = "five hundred" });

        Assert.Equal(["Api__MaxStreamsPerAddress cannot be 'five hundred': it must be a whole number."], problems);
    }

    [Fact]
    public async Task A_Production_process_missing_settings_exits_non_zero_naming_each_before_it_migrates()
    {
        var database = await EmptyDatabaseAsync();
        var environment = Production(database);
        environment.Remove("Auth__Authority");
        environment.Remove("Site__PublicUrl");
        environment.Remove("Mail__SmtpHost");
        environment["Mail__From"] = "nobody";
        environment["Api__CorsOrigins__0"] = "trygghet.stockholm.se";
        environment["Proxy__KnownProxies"] = "10.0.0.300";
        await using var api = ApiProcess.Start(environment);

        var exitCode = await api.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        foreach (var expected in new[]
        {
            "Auth__Authority is required in Production",
            "Site__PublicUrl is required in Production",
            "Mail__SmtpHost is required in Production",
            "Mail__From must be an e-mail address",
            "Api__CorsOrigins__0 must be an origin",
            "Proxy__KnownProxies: '10.0.0.300' is not an IP address",
        })
        {
            Assert.Single(api.Stderr.Split('\n'), line => line.Contains(expected, StringComparison.Ordinal));
            Assert.Contains(expected.Replace("'", "\\u0027", StringComparison.Ordinal), api.Stdout, StringComparison.Ordinal); // the JSON log too
        }
        Assert.DoesNotContain("Unhandled exception", api.Stderr, StringComparison.Ordinal);
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var tables = new NpgsqlCommand("select count(*) from pg_tables where schemaname = 'public'", conn);
        Assert.Equal(0L, await tables.ExecuteScalarAsync()); // nothing migrated
    }

    [Fact]
    public async Task A_Production_process_with_every_setting_starts_migrates_and_is_ready()
    {
        var database = await EmptyDatabaseAsync();
        await using var api = ApiProcess.Start(Production(database));

        await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        Assert.DoesNotContain("Configuration error", api.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_API_processes_starting_together_on_an_empty_database_migrate_and_seed_it_once()
    {
        var database = await EmptyDatabaseAsync();
        var instances = Enumerable.Range(0, 3).Select(_ => ApiProcess.Start(Production(database))).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => i.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));

            await using var conn = new NpgsqlConnection(database);
            await conn.OpenAsync();
            async Task<long> Count(string sql)
            {
                await using var command = new NpgsqlCommand(sql, conn);
                return (long)(await command.ExecuteScalarAsync())!;
            }
            Assert.Equal(Migrations.Scripts.Count, await Count("select count(*) from schema_versions"));
            Assert.Equal(Migrations.Scripts.Count, await Count("select count(distinct scriptname) from schema_versions"));
            Assert.Equal(await Count("select count(distinct slug) from area"), await Count("select count(*) from area"));
            Assert.Equal(await Count("select count(distinct code) from observation_category"), await Count("select count(*) from observation_category"));
            Assert.True(await Count("select count(*) from area") >= 17);
            Assert.All(instances, i => Assert.DoesNotContain("\"LogLevel\":\"Error\"", i.Stdout, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    /// <summary>A new, empty database on the test cluster, in keyword form.</summary>
    private async Task<string> EmptyDatabaseAsync()
    {
        var name = $"trygghet_settings_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Fixture.Postgres.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Fixture.Postgres.ConnectionString) { Database = name }.ConnectionString;
    }
}
