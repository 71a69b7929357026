namespace Trygghet.Api.Infrastructure;

/// <summary>Where the public pages live and who organises: for links in calendars, feeds, JSON-LD and e-mails.</summary>
public sealed class SiteOptions
{
    /// <summary>Base address of the public web pages (the SPA).</summary>
    public string PublicUrl { get; set; } = "http://localhost:8080";

    /// <summary>The organiser named in feeds, e-mails and staff answers.</summary>
    public string Organiser { get; set; } = "Hägersten-Älvsjö stadsdelsförvaltning";
}
