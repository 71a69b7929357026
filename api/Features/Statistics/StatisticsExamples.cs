using Trygghet.Api.Features.Areas;
using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Statistics;

/// <summary>The contract's examples of statistics, with BRÅ's published figures for Hägersten-Älvsjö and Stockholm.</summary>
public sealed class StatisticsExamples : IContractExamples
{
    /// <summary>Two lines of BRÅ's long format, as published (reported crime per 100,000 inhabitants).</summary>
    public const string BraCsv = """
        area_label,area_name,area_level,crime_parent_path,crime_type,year,month,period_label,preliminary,unit,value
        Stadsdelsområde Hägersten-Älvsjö (Sthlm),Hägersten-Älvsjö,stadsdelsomrade,,Totalt antal brott,2025,,2025,false,/100 000 inv,15377
        Stockholm kommun,Stockholm,kommun,,Totalt antal brott,2025,,2025,false,/100 000 inv,19159

        """;

    /// <summary>Figures as staff copy them from the city's safety survey report (the values are made up for the example).</summary>
    public const string SurveyCsv = """
        area,year,indicator,value,unit,source
        hagersten-alvsjo,2025,Känner sig otrygg ute ensam sent en kväll,24.5,procent,Stockholms stads trygghetsmätning 2025 (exempelvärde)
        hagersten-alvsjo,2023,Känner sig otrygg ute ensam sent en kväll,26.1,procent,Stockholms stads trygghetsmätning 2023 (exempelvärde)

        """;

    private static readonly AreaRef District = new("hagersten-alvsjo", "Hägersten-Älvsjö", AreaKind.District);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    public IEnumerable<object> Examples =>
    [
        new CrimeSeries(District, StatisticsSource.Bra, "Totalt antal brott", StatisticsUnit.Per100k, Granularity.Year,
            "Brottsförebyggande rådet (BRÅ), anmälda brott", "BRÅ: publicerad statistik får återanvändas fritt",
            new DateTimeOffset(2026, 2, 12, 9, 30, 0, Winter),
            "Anmälda brott enligt BRÅ; preliminära siffror ersätts av slutliga. / Reported crimes per BRÅ; preliminary figures are replaced by final ones.",
            new SeriesCoverage(new DateTimeOffset(2024, 1, 1, 0, 0, 0, Winter), new DateTimeOffset(2026, 1, 1, 0, 0, 0, Winter),
                [new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, Winter), new DateTimeOffset(2026, 1, 1, 0, 0, 0, Winter))],
                "BRÅ:s siffror för Hägersten-Älvsjö: helår 2024–2025", "BRÅ's figures for Hägersten-Älvsjö: years 2024–2025"),
            [
                new("2024", new DateOnly(2024, 1, 1), 15583, null, null, null, 20419, false, null),
                new("2025", new DateOnly(2025, 1, 1), 15377, null, 15583, -1.3m, 19159, false, null),
                new("2026", new DateOnly(2026, 1, 1), null, null, 15377, null, null, false, PointReason.Unfinished),
            ]),
        new SurveySeries(District, "Känner sig otrygg ute ensam sent en kväll", "procent", "Stockholms stads trygghetsmätning 2025 (exempelvärde)",
            "Stockholms stad, öppna data", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Winter), [new(2023, 26.1m, 28.4m), new(2025, 24.5m, 27.0m)]),
        new Engagement(District, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 6, 4, 1, 212, 48, 9, 11, 274, 221, 53, 96, 81, 17, 42, 23.5,
            "Trygghet: stadsdelsförvaltningens egna uppgifter om dialoger och vandringar", 230, 97, 0.422),
        new BraImportReport(2, 2, 0, 0, 0, []),
        new SurveyImportReport(2, 2, 0, 0),
        new PoliceApiEvent(649463, "2026-08-14 7:24:54 +02:00", "14 augusti 02.07, Rattfylleri, Stockholm",
            "En polispatrull i Fruängen stannade och kontrollerade en bilist. Mannen medtogs för vidare utredning.",
            "/aktuellt/handelser/2026/augusti/14/14-augusti-02.07-rattfylleri-stockholm/", "Rattfylleri",
            new PoliceApiLocation("Stockholms län", "59.602496,18.138438")),
        new PoliceImportReport(1, 1, 0, 0, []),
        new AreaSignal(new AreaRef("fruangen", "Fruängen", AreaKind.Neighbourhood), true, new DateOnly(2026, 8, 1), new DateOnly(2026, 10, 31), 41, 84,
            21.4, 0.0001, 0.0017, ["Rattfylleri", "Inbrott", "Skadegörelse"],
            "41 polishändelser i Fruängen de senaste 3 månaderna (2026-08–2026-10) mot väntat 21,4 enligt de 12 månaderna före (84 händelser); "
            + "p = 0,0001, justerat för 17 stadsdelar 0,0017. 6 iakttagelser är öppna, 1 av dem sedan mer än 30 dagar och 0 efter sin deadline. "
            + "0 frågor från dialoger som slutade för mer än 14 dagar sedan är obesvarade.",
            new SignalSuggestion(Events.EventKind.Walk, "Trygghetsvandring i Fruängen", ["police", "administration", "propertyOwner"]),
            true, false, 6, 1, 0, false, 0, true, new DateTimeOffset(2026, 11, 29, 23, 40, 0, Winter)),
        new PoliceFetchStatus(true, "https://polisen.se/api/events", 900, new DateTimeOffset(2026, 11, 30, 8, 0, 0, Winter),
            new DateTimeOffset(2026, 11, 30, 8, 0, 2, Winter), null, null, new DateTimeOffset(2026, 11, 30, 7, 41, 0, Winter), false, 2_870, 3, 4_512,
            new PoliceFetchCounts(500, 2, 1, 497, 0)),
        new Page<UnplacedPoliceEvent>(
        [
            new(649803, new DateTimeOffset(2026, 8, 18, 11, 23, 22, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 8, 18, 10, 42, 0, TimeSpan.FromHours(2)),
                "18 augusti 10.42, Inbrott, Stockholm", "En man iakttogs när denne försökte bryta sig in i ett källarförråd i Aspudden.",
                PlacementReason.Ambiguous),
        ], null),
    ];
}
