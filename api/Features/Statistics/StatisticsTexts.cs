using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

internal static class StatisticsTexts
{
    /// <summary>The fields of this feature's requests as the forms name them, for validation messages.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Fields = new Dictionary<string, Text>
    {
        ["Category"] = new("Brottskategori", "Crime category"),
        ["Indicator"] = new("Indikator", "Indicator"),
    };

    public static readonly Text ImportMalformed = new("Innehållet är inte giltig JSON (tomt eller avbrutet?). Inget importerades.", "The body is not valid JSON (empty or cut off?). Nothing was imported.");
    public static readonly Text ImportNotArray = new("Skicka en JSON-array av händelser, som polisen.se/api/events svarar. Inget importerades.", "Send a JSON array of events, as polisen.se/api/events answers. Nothing was imported.");
    public static readonly Text ImportNoFile = new("Bifoga filen i fältet 'file'.", "Attach the file in the field 'file'.");
    public static readonly Text ImportEmpty = new("Arrayen är tom: inget att importera.", "The array is empty: nothing to import.");
    public static readonly Text CsvColumns = new("Kolumner saknas: {0}. Inget importerades.", "Missing columns: {0}. Nothing was imported.");
    public static readonly Text CsvLine = new("Oläsbart: {0}. Inget importerades.", "Unreadable: {0}. Nothing was imported.");
    public static readonly Text BraDuplicate = new("Samma område, brott, period och enhet som rad {0}. Inget importerades.", "Same area, crime, period and unit as line {0}. Nothing was imported.");
    public static readonly Text SurveyDuplicate = new("Samma område, år och indikator förekommer två gånger. Inget importerades.", "The same area, year and indicator appear twice. Nothing was imported.");

    public static readonly Text SendCsv = new("Skicka filen som text/csv.", "Send the file as text/csv.");
    public static readonly Text SendJson = new("Skicka händelserna som application/json.", "Send the events as application/json.");
    public static readonly Text SendMultipart = new("Skicka filen som multipart/form-data i fältet 'file'.", "Send the file as multipart/form-data in the field 'file'.");

    public static readonly Text AtMostTwentyYears = new("Högst 20 år.", "At most 20 years.");
    public static readonly Text UnknownPoliceType = new("Okänd händelsetyp: {0}. Typerna stavas som hos polisen, t.ex. Misshandel eller Stöld/inbrott.",
        "Unknown event type: {0}. Types are spelled as the police spell them, e.g. Misshandel or Stöld/inbrott.");
    public static readonly Text PoliceSeriesAreCounts = new("Polisens händelser räknas; takten per 100 000 anges i ratePer100k.", "Police series are counts; see ratePer100k.");
    public static readonly Text BraRatesNotPerQuarter = new("BRÅ:s takt per 100 000 finns per år och månad, inte kvartal.", "BRÅ rates exist per year and month, not quarter.");
}
