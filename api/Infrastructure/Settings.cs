using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Settings bound from configuration and checked before the API migrates or listens: every options class is registered
/// with <see cref="AddSettings{T}"/>, whose rules name the environment variable they concern. <see cref="Problems"/>
/// runs them all at once (it is also what <c>ValidateOnStart</c> runs when a host starts), so a misconfigured instance
/// stops with one message per setting instead of answering 500 to every request.
/// </summary>
public static partial class Settings
{
    /// <summary>
    /// Binds <paramref name="section"/> to <typeparamref name="T"/>, validates it on start with <paramref name="rules"/>
    /// (each an error message, naming the environment variable) and, unless the caller registers its own instance,
    /// registers the bound value as a singleton for constructors that take the options themselves.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section,
        Func<T, IHostEnvironment, IEnumerable<string>> rules, bool registerValue = true) where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(provider => new RulesValidator<T>(rules, provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(new SettingsCheck(provider => _ = provider.GetRequiredService<IOptions<T>>().Value));
        if (registerValue) services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>
    /// Reads a section before the services are built (settings the composition itself needs). A value that does not
    /// convert leaves the defaults: <see cref="Problems"/> reports it before anything starts.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            return new T();
        }
    }

    /// <summary>Every setting that is missing, malformed or out of range, one message each; empty when all is well.</summary>
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        var problems = new List<string>();
        foreach (var check in services.GetServices<SettingsCheck>())
        {
            try
            {
                check.Validate(services);
            }
            catch (OptionsValidationException e)
            {
                problems.AddRange(e.Failures);
            }
            catch (InvalidOperationException e) when (FailedConversion().Match(e.Message) is { Success: true } match)
            {
                problems.Add($"{Variable(match.Groups["path"].Value)} cannot be '{match.Groups["value"].Value}': it must be {Kind(match.Groups["type"].Value)}.");
            }
        }
        return problems;
    }

    /// <summary>Writes each problem to stderr, plain, and to the log, so that whoever starts the process sees them either way.</summary>
    public static void Report(WebApplication app, IReadOnlyList<string> problems)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Trygghet.Settings");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"Configuration error: {problem}");
            logger.LogCritical("Configuration error: {Problem}", problem);
        }
        Console.Error.WriteLine($"Trygghet does not start in {app.Environment.EnvironmentName}: {problems.Count} setting(s) to correct.");
    }

    /// <summary>The environment variable of a configuration path: <c>Api:CorsOrigins:0</c> → <c>Api__CorsOrigins__0</c>.</summary>
    public static string Variable(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    // ---- rules shared by the options classes ----

    public static IEnumerable<string> AtLeast(string variable, long value, long minimum) =>
        value < minimum ? [$"{variable} must be at least {minimum} (it is {value})."] : [];

    public static IEnumerable<string> Between(string variable, long value, long minimum, long maximum) =>
        value < minimum || value > maximum ? [$"{variable} must be between {minimum} and {maximum} (it is {value})."] : [];

    /// <summary>An absolute http(s) address; in Production https and not a local host.</summary>
    public static IEnumerable<string> PublicAddress(string variable, string? value, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(value))
            return [environment.IsProduction() ? $"{variable} is required in Production." : $"{variable} must not be empty."];
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return [$"{variable} must be an absolute http(s) address, not '{value}'."];
        if (environment.IsProduction() && (uri.Scheme != "https" || IsLocal(uri.Host)))
            return [$"{variable} must be the public https address in Production, not '{value}'."];
        return [];
    }

    public static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>A browser origin: scheme, host and optional port, nothing else (<c>https://trygghet.stockholm.se</c>).</summary>
    public static IEnumerable<string> Origin(string variable, string value, IHostEnvironment environment)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0
            || value.TrimEnd('/') != uri.GetLeftPart(UriPartial.Authority) || uri.UserInfo.Length > 0)
            return [$"{variable} must be an origin such as https://trygghet.stockholm.se (scheme, host and port only), not '{value}'."];
        if (environment.IsProduction() && uri.Scheme != "https" && !IsLocal(uri.Host))
            return [$"{variable} must be an https origin in Production, not '{value}'."];
        return [];
    }

    /// <summary>An e-mail address, with or without a display name.</summary>
    public static IEnumerable<string> MailAddress(string variable, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [$"{variable} must not be empty."];
        return System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Host.Contains('.', StringComparison.Ordinal)
            ? [] : [$"{variable} must be an e-mail address such as 'Trygghet <no-reply@stockholm.se>', not '{value}'."];
    }

    private static string Kind(string type) => type.Split('.')[^1] switch
    {
        "Int32" or "Int64" => "a whole number",
        "Double" or "Decimal" => "a number",
        "Boolean" => "true or false",
        "TimeSpan" => "a duration such as 06:00:00",
        var other => $"of type {other}",
    };

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedConversion();

    private sealed record SettingsCheck(Action<IServiceProvider> Validate);

    private sealed class RulesValidator<T>(Func<T, IHostEnvironment, IEnumerable<string>> rules, IHostEnvironment environment) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            rules(options, environment).ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
