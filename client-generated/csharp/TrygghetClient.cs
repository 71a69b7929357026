using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trygghet.Client;

// The one hand-written part of the client, beside the generated TrygghetClient.g.cs: constructors that take the base
// URL, and the JSON options every generated operation uses.
public partial class TrygghetClient
{
    // One shared HttpClient for the constructor without one (the pattern .NET recommends: connections are pooled, and
    // recycled every few minutes so DNS changes are seen).
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() =>
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));

    /// <summary>A client for the API at <paramref name="baseUrl"/> (e.g. <c>https://trygghet.example.se/</c>), on a shared HttpClient.</summary>
    /// <remarks>To send a bearer token, set headers or add handlers, pass your own <see cref="HttpClient"/>.</remarks>
    public TrygghetClient(Uri baseUrl)
        : this(baseUrl, SharedHttpClient.Value)
    {
    }

    /// <summary>A client for the API at <paramref name="baseUrl"/> on the given HttpClient, which the client does not dispose.</summary>
    public TrygghetClient(Uri baseUrl, HttpClient httpClient)
        : this(CheckedBaseUrl(baseUrl), httpClient)
    {
    }

    private static string CheckedBaseUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.IsAbsoluteUri
            ? baseUrl.AbsoluteUri
            : throw new ArgumentException("The base URL must be absolute, e.g. https://trygghet.example.se/.", nameof(baseUrl));
    }

    // Enums travel as camelCase strings. Properties holding one enum carry their own converter in the generated code;
    // this one covers the rest (lists of enums), and honours the generated JsonStringEnumMemberName attributes.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter());
}
