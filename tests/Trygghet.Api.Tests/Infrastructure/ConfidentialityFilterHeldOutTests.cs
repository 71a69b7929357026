using Trygghet.Api.Infrastructure;
using Xunit.Abstractions;

namespace Trygghet.Api.Tests.Infrastructure;

/// <summary>
/// How well the confidentiality filter does, per text: does it flag a text that holds personal data, and only such texts.
/// Measured on the labelled corpus in <see cref="ConfidentialityFilterTests"/>, which the filter was tuned on, and on a
/// held-out set that was written before the filter was extended and that the filter is never tuned on: a case that fails
/// here stays failing until it is fixed for a reason of its own, so the held-out figures stay an honest estimate.
/// </summary>
public sealed class ConfidentialityFilterHeldOutTests(ITestOutputHelper output)
{
    /// <summary>Texts as residents write them, labelled with whether they hold personal data.</summary>
    public static TheoryData<string, bool> HeldOut => new()
    {
        // Holds personal data
        { "Hej! Jag heter Maria och nås enklast på 072-345 67 89 efter jobbet.", true },
        { "Ni får gärna maila bilderna till maria.lind@telia.com så skickar jag fler.", true },
        { "Personnummer: ７５０３１２-４５６７ (jag skriver från mobilen).", true },
        { "رقم هاتفي ٠٧٣٥٥٥١٢٣٤ إذا احتجتم إلى مزيد من المعلومات", true },
        { "Mitt mobilnummer: ۰۷۶۸-۱۱۲۲۳۳", true },
        { "skriv till lena.holm [at] bredband.net om ni hittar cykeln", true },
        { "Kontakta mig på johan_p (at) outlook (dot) com, jag svarar på kvällarna.", true },
        { "Min mejl är sara.nilsson at hotmail.se om någon vill höra mer.", true },
        { "Jag har bott på Slättgårdsvägen 34 i tjugo år och aldrig sett något liknande.", true },
        { "Larmet i källaren på Elsa Beskows gata 9 tjuter varje natt.", true },
        { "Det är jag som äger bilen som brann, 19900315 1231, ring gärna.", true },
        { "Samordningsnr 910467-2341, jag kom till Sverige i fjol.", true },
        { "Min man kan svara på +46 73 555 12 34 om jag inte är hemma.", true },
        { "Skicka kallelsen till Tellusborgsvägen 71 B, lgh 1102.", true },
        { "Hör av dig på 0768112233 eller kom förbi.", true },
        { "Pnr 680504 3210 om ni behöver identifiera mig.", true },
        { "Mejla styrelsen: brf.solhöjden snabel-a gmail.com", true },
        { "Personnumret ٥٥٠٩٢١-٧٧٧٣ tillhör min pappa som blev rånad.", true },
        { "Min dotter 20030611-4588 blev trakasserad på bussen.", true },
        { "Vi bor i porten Vantörsvägen 12 och hör skott på nätterna.", true },
        { "You can reach me at peter.olsson@gmail.com or on 070 555 66 77.", true },
        { "E-post: k.andersson＠example.se", true },
        // Holds no personal data
        { "Buss 161 mot Fruängen går bara var 20:e minut efter klockan 21.", false },
        { "Gatlampan på Vantörsvägen har varit släckt sedan i julas.", false },
        { "Dialogmötet är den 3 juni kl 18.30 i Västertorpsskolans matsal.", false },
        { "Grannsamverkan fick 2 000 kr i bidrag under 2023, räcker det?", false },
        { "Vårt ärende har diarienummer SDF 2024/1187 hos stadsdelsförvaltningen.", false },
        { "Jag är född 1958 och har aldrig varit så rädd som nu.", false },
        { "Minst 30 ungdomar stod vid Liljeholmens galleria i fredags.", false },
        { "Vi som har postnummer 126 30 får aldrig något utskick.", false },
        { "The street lights near the school are broken, please look at them soon.", false },
        { "Sedan ２０２２ har det blivit mycket värre på kvällarna.", false },
        { "الإضاءة في الحديقة معطلة منذ ٢٠٢٣", false },
        { "جلسه ساعت ۱۸:۰۰ در کتابخانه است", false },
        { "Biblioteket har öppet 10–19 på vardagar och 11–16 på lördagar.", false },
        { "Jag ringde 112 och sedan 114 14 men fick vänta i 25 minuter.", false },
        { "Polisens händelsenummer 5000-K987654-23 har jag redan fått.", false },
        { "Hyran höjdes med 450 kr/mån från och med 1 januari.", false },
        { "Meet us at the entrance at 18 and bring a torch.", false },
        { "Somebody was shouting at people at Fruängen station yesterday.", false },
        { "Det är stökigt mellan 22:00 och 05:00 vid pizzerian.", false },
        { "Tunnelbanan linje 13 och 14 mot Norsborg är överfull 07.30–08.30.", false },
        { "Fakturanummer ９７１２２４-３４５２ gällde de nya lamporna.", false },
        { "Följ stadsdelen på Instagram @hagerstenalvsjo för nyheter.", false },
        { "Priset på månadskortet är 1 060 kr sedan 2025.", false },
        { "Vi är 7 personer i styrelsen, kontakta oss via formuläret.", false },
    };

    [Fact]
    public void The_held_out_set_is_balanced_and_large_enough_to_mean_something()
    {
        var labels = HeldOut.Select(row => (bool)row[1]).ToList();

        Assert.True(labels.Count(l => l) >= 20, $"{labels.Count(l => l)} texts with personal data");
        Assert.True(labels.Count(l => !l) >= 20, $"{labels.Count(l => !l)} texts without");
    }

    /// <summary>
    /// A second held-out set, written after the filter was finished and never tuned on:
    /// public service numbers (police, the city's switchboard) are labelled as holding no personal data, and spelled-out
    /// forms nobody has taught the filter are in. Its figures are the ones to quote.
    /// </summary>
    public static TheoryData<string, bool> LateHeldOut => new()
    {
        // Holds personal data
        { "Ring Kalle på 08-18 22 33 om det brinner igen.", true },
        { "Min granne, pnr 19720229-1238, kastar ut sopor från balkongen.", true },
        { "Kontakt: jonas.berg(snabel-a)gmail.com", true },
        { "mejla mig: eva punkt ek at gmail punkt com", true },
        { "Adress: Svartlösavägen 44, 1 tr.", true },
        { "Hon bor på Ängsullsvägen 3A och är rädd att gå ut.", true },
        { "Ring +4670-1234567 efter sex.", true },
        { "0046 70 123 45 67 är mitt nummer", true },
        { "Pers.nr 811228-9874, om ni behöver det.", true },
        { "Maila ali.hassan@hotmail.com så kommer jag på nästa möte.", true },
        { "Jag bor på Konstfacksgatan 12 vid Telefonplan.", true },
        { "Mitt nummer: 070 – 123 45 67", true },
        { "Send the minutes to lisa@example.org please.", true },
        { "رقمي ٠٧٠١٢٣٤٥٦٧ للتواصل", true },
        { "Coordination number 850263-4564 (I am new in Sweden).", true },
        // Holds no personal data
        { "Mötet är den 12/3 kl 18:30 i Hägerstensåsens medborgarhus.", false },
        { "Ärendet har diarienummer 2024-01234 hos stadsdelsförvaltningen.", false },
        { "Det kostar 1 250 kr per år att vara med i föreningen.", false },
        { "Linje 161 och 164 går sällan på kvällen.", false },
        { "Postnummer 126 30 Hägersten, så står det på skylten.", false },
        { "Vi var 25 personer på vandringen och gick 3,5 km.", false },
        { "Jag ringde polisen på 114 14 men ingen kom.", false },
        { "Läs mer på polisen.se eller stockholm.se.", false },
        { "Klockan 07.45–08.15 är det trångt vid spärrarna.", false },
        { "Fruängsgången är mörk mellan nr 10 och 20.", false },
        { "Lampan på stolpe 4711 vid Älvsjö gårdsväg är trasig.", false },
        { "Ring 112 om något händer.", false },
        { "Ring stadens växel på 08-508 000 00 och be om trygghetssamordnaren.", false },
        { "Hur många anmälningar om inbrott kom 2023 jämfört med 2022?", false },
        { "Mitt barn går i årskurs 5 på Västberga skola.", false },
    };

    [Fact]
    public void Precision_and_recall_on_a_set_written_after_the_filter()
    {
        var scores = Score(LateHeldOut.Select(row => (Text: (string)row[0], Personal: (bool)row[1])));
        output.WriteLine($"late held-out set: {scores}");
        foreach (var miss in scores.Wrong) output.WriteLine($"  wrong: {miss}");

        // Floors at what was measured when the set was written; raise them when a fix for its own reason lifts them.
        Assert.True(scores.Precision >= FloorPrecision && scores.Recall >= FloorRecall, $"late held-out set: {scores}");
    }

    private const double FloorPrecision = 0.93;
    private const double FloorRecall = 1.0;

    [Fact]
    public void Precision_and_recall_per_text_on_the_tuning_corpus_and_the_held_out_set()
    {
        var tuning = ConfidentialityFilterTests.Flagged.Select(row => (Text: Unmark((string)row[0]), Personal: true))
            .Concat(ConfidentialityFilterTests.NotFlagged.Select((object[] row) => (Text: (string)row[0], Personal: false)));
        var heldOut = HeldOut.Select(row => (Text: (string)row[0], Personal: (bool)row[1]));

        var onTuning = Score(tuning);
        var onHeldOut = Score(heldOut);
        output.WriteLine($"tuning corpus: {onTuning}");
        output.WriteLine($"held-out set:  {onHeldOut}");
        foreach (var miss in onHeldOut.Wrong) output.WriteLine($"  held-out, wrong: {miss}");

        Assert.True(onTuning.Precision >= 1.0 && onTuning.Recall >= 1.0, $"tuning corpus: {onTuning}");
        Assert.True(onHeldOut.Precision >= 1.0 && onHeldOut.Recall >= 1.0, $"held-out set: {onHeldOut}");
    }

    private sealed record Scores(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, List<string> Wrong)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

        public override string ToString() =>
            $"precision {Precision:0.000}, recall {Recall:0.000} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives}, tn {TrueNegatives})";
    }

    private static Scores Score(IEnumerable<(string Text, bool Personal)> cases)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        var wrong = new List<string>();
        foreach (var (text, personal) in cases)
        {
            var flagged = ConfidentialityFilter.Detect(text).Count > 0;
            if (flagged && personal) tp++;
            else if (flagged) { fp++; wrong.Add($"flagged: {text}"); }
            else if (personal) { fn++; wrong.Add($"missed: {text}"); }
            else tn++;
        }
        return new Scores(tp, fp, fn, tn, wrong);
    }

    private static string Unmark(string marked) => marked.Replace("«", "", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal);
}
