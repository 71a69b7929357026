using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// The one rule for text that comes in: characters of Unicode category Cc (U+0000–U+001F, U+007F–U+009F) are refused,
/// except line feed, carriage return and tab inside free text (JSON body strings and form fields), where a description
/// may span lines. PostgreSQL cannot store NUL at all, and the others are never meant: they hide text, break CSV
/// and XML, and can smuggle terminal escapes into logs.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The first refused character of <paramref name="text"/>, or null when there is none.</summary>
    public static char? FirstRefused(ReadOnlySpan<char> text, bool multiLine)
    {
        foreach (var c in text)
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')) return c;
        return null;
    }

    /// <summary><c>U+0000</c>: how a refused character is named in a message, never the character itself.</summary>
    public static string Name(char c) => $"U+{(int)c:X4}";

    /// <summary>The text with each control character written as <c>\u0000</c>, so that a field name can be echoed safely.</summary>
    public static string Printable(string text)
    {
        if (FirstRefused(text, multiLine: false) is null) return text;
        var printable = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            printable.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return printable.ToString();
    }
}

/// <summary>
/// Endpoint metadata of endpoints that answer errors in a format of their own instead of a problem document
/// (Open311's list of <c>{code, description}</c>).
/// </summary>
public interface IErrorFormat
{
    IResult Error(HttpContext http, int status, string description);
}

/// <summary>
/// Applies <see cref="ControlCharacters"/> to every route value, query parameter (name and value), form field and string
/// of a JSON body (property names included, at any depth) of a request that reached an endpoint, before the endpoint
/// reads anything: a new field or parameter is covered without code of its own. A refused character is a 400
/// validation problem naming each field by its path (<c>description</c>, <c>items[0].name</c>) or parameter name.
/// </summary>
public static class ControlCharacterCheck
{
    private const int MaxFindings = 20;

    public static IApplicationBuilder UseControlCharacterCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is not { } endpoint)
            {
                await next(http);
                return;
            }
            var findings = new List<(string Field, string Message)>();
            var request = http.Request;
            foreach (var (name, value) in request.RouteValues)
                if (value is string text) Check(findings, name, text, multiLine: false);
            foreach (var (name, values) in request.Query)
            {
                CheckName(findings, name);
                foreach (var value in values) Check(findings, name, value, multiLine: false);
            }
            if (request.HasFormContentType) await CheckFormAsync(request, findings, http.RequestAborted);
            else if (request.HasJsonContentType()) await CheckJsonAsync(request, findings, http.RequestAborted);

            if (findings.Count == 0)
            {
                await next(http);
                return;
            }
            var errors = findings.Take(MaxFindings).Select(f => new ValidationFailure(f.Field, f.Message)).ToList();
            if (endpoint.Metadata.GetMetadata<IErrorFormat>() is { } own)
            {
                await own.Error(http, StatusCodes.Status400BadRequest, string.Join("; ", errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")))
                    .ExecuteAsync(http);
                return;
            }
            throw new ValidationException(errors);
        });

    private static void Check(List<(string Field, string Message)> findings, string field, string? text, bool multiLine)
    {
        if (text is not null && ControlCharacters.FirstRefused(text, multiLine) is { } found)
            findings.Add((ControlCharacters.Printable(field), Refused(found)));
    }

    private static string Refused(char found) => CommonTexts.ControlCharacter.Format(ControlCharacters.Name(found));

    /// <summary>A parameter's or field's name is refused like its value, and named with the character escaped.</summary>
    private static void CheckName(List<(string Field, string Message)> findings, string name) => Check(findings, name, name, multiLine: false);

    /// <summary>
    /// Form fields (url-encoded or multipart; uploaded files are the endpoint's to read); the form is cached for the
    /// endpoint. ASP.NET Core's form reader refuses a url-encoded NUL outright, without naming the field: the body is
    /// then read again here to name it. A form that cannot be read at all is bad input too.
    /// </summary>
    private static async Task CheckFormAsync(HttpRequest request, List<(string Field, string Message)> findings, CancellationToken ct)
    {
        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (urlEncoded) request.EnableBuffering();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            if (urlEncoded)
            {
                request.Body.Position = 0;
                using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
                foreach (var pair in (await reader.ReadToEndAsync(ct)).Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var name = WebUtility.UrlDecode(pair.Split('=', 2)[0]);
                    CheckName(findings, name);
                    Check(findings, name, WebUtility.UrlDecode(pair.Split('=', 2).ElementAtOrDefault(1)), multiLine: true);
                }
            }
            if (findings.Count == 0) findings.Add(("$", CommonTexts.FormUnreadable.Format()));
            return;
        }
        foreach (var (name, values) in form)
        {
            CheckName(findings, name);
            foreach (var value in values) Check(findings, name, value, multiLine: true);
        }
    }

    /// <summary>Buffers the body so the endpoint reads it again from the start.</summary>
    private static async Task CheckJsonAsync(HttpRequest request, List<(string Field, string Message)> findings, CancellationToken ct)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        request.Body.Position = 0;
        var strings = new List<(string Field, char Found)>();
        JsonStrings.Check(body.GetBuffer().AsSpan(0, (int)body.Length), strings, MaxFindings);
        findings.AddRange(strings.Select(s => (s.Field, Refused(s.Found))));
    }
}

/// <summary>Walks a JSON document token by token and names every string (and property name) the rule refuses.</summary>
public static class JsonStrings
{
    private struct Frame
    {
        public bool IsArray;
        public int Index;     // in an array: the index of the current element
        public int NameStart; // in an object: where the current property's name token starts, -1 before the first
    }

    /// <summary>
    /// Adds <c>(path, character)</c> for each refused string. Stops quietly at malformed JSON: refusing that is the
    /// endpoint's (and its own message's) business.
    /// </summary>
    public static void Check(ReadOnlySpan<byte> json, List<(string Field, char Found)> findings, int max)
    {
        var reader = new Utf8JsonReader(json);
        var frames = new List<Frame>();
        try
        {
            while (findings.Count < max && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray, Index = -1, NameStart = -1 });
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { NameStart = (int)reader.TokenStartIndex };
                        if (Refused(ref reader, multiLine: false) is { } inName) findings.Add((Path(json, frames, withCurrentName: false), inName));
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        if (Refused(ref reader, multiLine: true) is { } inValue) findings.Add((Path(json, frames, withCurrentName: true), inValue));
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // malformed JSON or text that is not UTF-16 convertible: the deserializer refuses it with its own problem
        }
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
    }

    /// <summary>
    /// Raw control characters below U+0020 are already invalid JSON, so a refused one is either escaped (<c>\u0000</c>)
    /// or U+007F (byte 7F) or U+0080–U+009F (bytes C2 80–C2 9F); anything else is skipped without decoding.
    /// </summary>
    private static char? Refused(ref Utf8JsonReader reader, bool multiLine)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.IndexOfAny((byte)0x7F, (byte)0xC2) < 0) return null;
        return ControlCharacters.FirstRefused(reader.GetString(), multiLine);
    }

    /// <summary><c>items[0].name</c>; <c>$</c> for the document itself.</summary>
    private static string Path(ReadOnlySpan<byte> json, List<Frame> frames, bool withCurrentName)
    {
        var path = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray) path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (frame.NameStart >= 0 && (withCurrentName || i < frames.Count - 1))
            {
                if (path.Length > 0) path.Append('.');
                path.Append(ControlCharacters.Printable(NameAt(json, frame.NameStart)));
            }
        }
        return path.Length == 0 ? "$" : path.ToString();
    }

    private static string NameAt(ReadOnlySpan<byte> json, int start)
    {
        var reader = new Utf8JsonReader(json[start..]);
        reader.Read();
        return reader.GetString() ?? "";
    }
}
