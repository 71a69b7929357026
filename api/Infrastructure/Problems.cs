using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// A failure a handler reports on purpose: the status and a localised message, from a feature's typed <see cref="Text"/>
/// (or <see cref="CommonTexts"/> for the shared plumbing).
/// </summary>
public class ProblemException : Exception
{
    public ProblemException(int status, Text text, params object[] args) : base(text.Sv) => (Status, Text, Args) = (status, text, args);

    public int Status { get; }
    public Text Text { get; }
    public object[] Args { get; }
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    /// <summary>The message in the request's language.</summary>
    public string Detail => Text.Format(Args);
}

public sealed class NotFoundException : ProblemException
{
    public NotFoundException(Text text, params object[] args) : base(StatusCodes.Status404NotFound, text, args) { }
}

public sealed class ForbiddenException : ProblemException
{
    public ForbiddenException(Text text, params object[] args) : base(StatusCodes.Status403Forbidden, text, args) { }
}

public sealed class ConflictException : ProblemException
{
    public ConflictException(Text text, params object[] args) : base(StatusCodes.Status409Conflict, text, args) { }
}

public sealed class BusinessRuleException : ProblemException
{
    public BusinessRuleException(Text text, params object[] args) : base(StatusCodes.Status422UnprocessableEntity, text, args) { }
}

public sealed class PreconditionFailedException : ProblemException
{
    public PreconditionFailedException(Text text, params object[] args) : base(StatusCodes.Status412PreconditionFailed, text, args) { }
}

public sealed class PreconditionRequiredException : ProblemException
{
    public PreconditionRequiredException(Text text, params object[] args) : base(StatusCodes.Status428PreconditionRequired, text, args) { }
}

/// <summary>
/// The one place where exceptions become RFC 9457 problems. Nothing internal (stack traces,
/// SQL, exception messages of libraries) reaches the client.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case ValidationException validation:
                problem = ValidationProblem(validation.Errors
                    .GroupBy(e => JsonPath.CamelCase(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
                break;
            case BadHttpRequestException bad when FindJsonException(bad) is { } json && MissingProperties(json) is { Count: > 0 } missing:
                problem = ValidationProblem(missing.ToDictionary(name => name, _ => new[] { CommonTexts.JsonRequired.Format() }));
                break;
            case BadHttpRequestException bad when FindJsonException(bad) is { } json:
                var field = JsonPath.FromJsonPath(json.Path);
                problem = ValidationProblem(new Dictionary<string, string[]>
                {
                    [field.Length == 0 ? "$" : field] = [(json.Path is null or "$" ? CommonTexts.JsonMalformed : CommonTexts.JsonInvalidValue).Format()],
                });
                break;
            case BadHttpRequestException bad when BoundParameter(bad) is { } parameter:
                problem = ValidationProblem(new Dictionary<string, string[]> { [parameter] = [CommonTexts.InvalidParameter.Format()] });
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Detail = BadRequestText(bad).Format() };
                break;
            case ProblemException known:
                problem = new ProblemDetails { Status = known.Status, Detail = known.Detail };
                foreach (var (key, value) in known.Extensions) problem.Extensions[key] = value;
                break;
            // The last line of defence behind the control-character rule: text the database cannot store (NUL in an
            // uploaded file, a character outside UTF-8) is the caller's input, not a server error.
            case PostgresException pg when pg.SqlState is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter:
                logger.LogWarning("Input the database cannot store ({SqlState})", pg.SqlState);
                problem = ValidationProblem(new Dictionary<string, string[]> { ["$"] = [CommonTexts.Unstorable.Format()] });
                break;
            case PostgresException pg when pg.SqlState.StartsWith("23", StringComparison.Ordinal):
                logger.LogWarning("Constraint {Constraint} violated ({SqlState})", pg.ConstraintName, pg.SqlState);
                problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = CommonTexts.Constraint.Format() };
                break;
            case var e when IsDatabaseUnavailable(e):
                logger.LogWarning("Database unavailable: {Reason}", e.GetType().Name);
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Detail = CommonTexts.DatabaseUnavailable.Format() };
                break;
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return true;
            default:
                logger.LogError(exception, "Unhandled exception");
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = CommonTexts.ServerError.Format() };
                break;
        }

        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ValidationProblemDetails ValidationProblem(IDictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status400BadRequest, Detail = CommonTexts.ValidationFailed.Format() };

    /// <summary>The name in <c>Failed to bind parameter "double? lat" from "abc".</c> or <c>Required parameter "double lat" was not provided</c>.</summary>
    private static string? BoundParameter(BadHttpRequestException bad)
    {
        var match = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\"");
        return match.Success && bad.StatusCode == StatusCodes.Status400BadRequest && !bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? JsonPath.CamelCase(match.Groups[1].Value)
            : null;
    }

    /// <summary>System.Text.Json names missing required properties only in its message: <c>… missing required properties including: 'role'.</c></summary>
    private static List<string> MissingProperties(JsonException json)
    {
        if (!json.Message.Contains("missing required properties", StringComparison.Ordinal)) return [];
        var prefix = JsonPath.FromJsonPath(json.Path);
        var tail = json.Message[(json.Message.IndexOf("including:", StringComparison.Ordinal) + 1)..];
        return System.Text.RegularExpressions.Regex.Matches(tail, "'([^']+)'")
            .Select(m => prefix.Length == 0 ? m.Groups[1].Value : $"{prefix}.{m.Groups[1].Value}")
            .ToList();
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is JsonException json) return json;
        return null;
    }

    private static Text BadRequestText(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => CommonTexts.TooLarge,
        StatusCodes.Status415UnsupportedMediaType => CommonTexts.SendJson,
        _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) => CommonTexts.BodyRequired,
        _ => CommonTexts.BadParameter,
    };

    public static bool IsDatabaseUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" || pg.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        InvalidOperationException when e.InnerException is not null => IsDatabaseUnavailable(e.InnerException),
        _ => false,
    };
}

/// <summary>Turns property paths of validators and JSON readers into the API's camelCase field paths.</summary>
public static class JsonPath
{
    public static string CamelCase(string path) => path.Contains('-') ? path // a header, e.g. Idempotency-Key, keeps its name
        : string.Join('.', path.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(segment =>
            segment.Length > 0 && char.IsUpper(segment[0]) ? char.ToLowerInvariant(segment[0]) + segment[1..] : segment));

    /// <summary><c>$.items[0].name</c> → <c>items[0].name</c>.</summary>
    public static string FromJsonPath(string? path) =>
        path is null ? "" : path.TrimStart('$').TrimStart('.');
}
