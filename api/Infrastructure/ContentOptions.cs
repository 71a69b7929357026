namespace Trygghet.Api.Infrastructure;

/// <summary>The languages the district publishes event content in (<c>Content__Languages</c>), Swedish among them.</summary>
public sealed class ContentOptions
{
    /// <summary>BCP 47 tags: Swedish, English, easy-to-read Swedish (a private-use subtag), Finnish, Arabic, Somali.</summary>
    public string[] Languages { get; set; } = ["sv", "en", "sv-x-lattlast", "fi", "ar", "so"];

    public const string Swedish = "sv";
}
