using System.Text;
using Trygghet.Api.Features.Questions;
using static Trygghet.Api.Features.Questions.PersonalDataKind;

namespace Trygghet.Api.Tests.Features.Questions;

/// <summary>
/// The confidentiality filter on residents' questions as they are written. In the corpus of flagged texts each finding
/// is marked «like this», so every case also checks the offsets a moderator's screen highlights. Identity and
/// coordination numbers were checked with the Luhn algorithm when the corpus was written; the invalid variants differ
/// in the check digit or the date only.
/// </summary>
public sealed class ConfidentialityFilterTests
{
    public static TheoryData<string, PersonalDataKind[]> Flagged => new()
    {
        // Personal identity numbers (personnummer)
        { "Mitt personnummer är «811218-9876», kan ni kolla min anmälan?", [PersonalIdentityNumber] },
        { "Jag heter Anna, «6408233234», och vill veta om det finns kameror vid Fruängens centrum.", [PersonalIdentityNumber] },
        { "Min son «20121212-1212» blev rånad vid Telefonplan i går.", [PersonalIdentityNumber] },
        { "Anmälan gjordes av mig, «19811218-9876», redan i mars.", [PersonalIdentityNumber] },
        { "«198112189876» är mitt personnummer om ni behöver det.", [PersonalIdentityNumber] },
        { "Min farmor «211121+1237» vågar inte gå ut efter mörkrets inbrott.", [PersonalIdentityNumber] },
        { "Grannen (personnummer «850709-9805») har hotat mig flera gånger.", [PersonalIdentityNumber] },
        { "Min dotter är född på skottdagen, «880229-1230», och blev förföljd hem.", [PersonalIdentityNumber] },
        { "Pojken som blev slagen har personnummer «011218-1235».", [PersonalIdentityNumber] },
        { "Mitt pnr: «811228-9874». Varför har ingen hört av sig?", [PersonalIdentityNumber] },
        // Coordination numbers (samordningsnummer)
        { "Mitt samordningsnummer är «701063-2391», jag har inget personnummer än.", [CoordinationNumber] },
        { "Samordningsnummer «19701063-2391» står på min anmälan om stölden.", [CoordinationNumber] },
        { "Jag har samordningsnummer «8512729800» och undrar om jag får delta i dialogen.", [CoordinationNumber] },
        // Phone numbers
        { "Ring mig på «070-123 45 67» om ni vet något om inbrotten.", [PhoneNumber] },
        { "Ni kan nå mig på «08-123 456 78» efter kl. 17.", [PhoneNumber] },
        { "Mitt nummer är «0701234567».", [PhoneNumber] },
        { "Kontakta mig på «+46 70 123 45 67» angående klottret på Fruängsgången.", [PhoneNumber] },
        { "Sms:a «+46701234567» om ni har frågor om trygghetsvandringen.", [PhoneNumber] },
        { "Jag är utomlands just nu, ring «0046 70 123 45 67».", [PhoneNumber] },
        { "Hemtelefon «08-12345678», fråga efter Lars.", [PhoneNumber] },
        { "Vi som bor i Älvsjö når ni på «073-987 65 43».", [PhoneNumber] },
        { "Ring «076 123 4567» om ni vill veta mer om gänget vid skolan.", [PhoneNumber] },
        { "Jag nås på «0701-23 45 67» dagtid.", [PhoneNumber] },
        { "Min mammas nummer («031-123 45 67») finns redan hos polisen.", [PhoneNumber] },
        { "Föreningen svarar på «+46 8 123 456 78» på vardagar.", [PhoneNumber] },
        { "Min kollega i London har «+44 20 7946 0958» och såg allt.", [PhoneNumber] },
        { "Jag heter Kim och mitt mobilnummer är «0739876543».", [PhoneNumber] },
        { "Telefon: «08 123 45 67», men helst mejl.", [PhoneNumber] },
        { "Ring mig («0701234567» dagtid) så berättar jag vad jag såg.", [PhoneNumber] },
        { "Mitt hemnummer är «(08) 123 45 67».", [PhoneNumber] },
        // Numbers glued by a space to other digits, which libphonenumber alone drops
        { "Jag ringde kl 18 från «070-123 45 67» men ingen svarade.", [PhoneNumber] },
        { "Ring «070 123 45 67» «08 123 45 67», någon av oss svarar.", [PhoneNumber, PhoneNumber] },
        { "Jag har ringt från «070-123 45 67» 3 gånger utan svar.", [PhoneNumber] },
        // E-mail addresses
        { "Skicka svaret till «anna.svensson@exempel.se» tack.", [Email] },
        { "Mejla «göran.östberg@hägersten.se» om trygghetsvandringen.", [Email] },
        { "«åsa_ek+polis@mail.com» – hör av er när ni vet mer!", [Email] },
        { "Min e-post är «Per.Åkesson@Exempel.SE».", [Email] },
        { "Kontakta mig: «kalle123@gmail.com».", [Email] },
        { "Svara på «björn-ö@förening.stockholm.se», inte till kommunen.", [Email] },
        // Street addresses with a house number
        { "Min granne på «Fruängsgången 12» säljer narkotika.", [StreetAddress] },
        { "Det har varit inbrott på «Hägerstensvägen 100» tre gånger i år.", [StreetAddress] },
        { "Varför står det alltid bilar utanför «Västertorpsvägen 3B»?", [StreetAddress] },
        { "Jag bor på «Fruängsgatan 4 A» och känner mig otrygg.", [StreetAddress] },
        { "Det brann i en källare på «mälarhöjdsvägen 7» i natt.", [StreetAddress] },
        { "Ungdomar samlas i trapphuset på «Personnevägen 22» varje helg.", [StreetAddress] },
        { "Vem ansvarar för gården vid «Sjöviksvägen 45»?", [StreetAddress] },
        { "Det luktar gas i «Älvsjövägen 2» sedan i helgen.", [StreetAddress] },
        { "Vi på «Götalandsvägen 194» vill ha bättre belysning.", [StreetAddress] },
        { "Någon har sprejat på dörren till «Älvsjö gårdsväg 3».", [StreetAddress] },
        { "Kan polisen patrullera vid «Telefonplan 5» på kvällarna?", [StreetAddress] },
        { "Min pappa bor på «Västra Trädgårdsgatan 11» och vågar inte gå ut.", [StreetAddress] },
        { "Det är stökigt utanför «Sankt Göransgatan 70» på nätterna.", [StreetAddress] },
        { "Min adress är «Drottning Kristinas väg 12», skicka gärna brev.", [StreetAddress] },
        { "Mötet hålls hemma hos mig på «Hägerstens allé 3».", [StreetAddress] },
        { "Det hände på «Fruängsgången 12»-14, i porten mot parken.", [StreetAddress] },
        { "Cykelstölderna vid «Liljeholmstorget 7» måste stoppas.", [StreetAddress] },
        { "Jag bor på «Fruängsgången nr 12» sedan tio år.", [StreetAddress] },
        { "Langningen sker vid «FRUÄNGSGÅNGEN 8», alla vet om det.", [StreetAddress] },
        // Several kinds in one text
        { "Jag heter Lisa, bor på «Personnevägen 9» och nås på «070-123 45 67».", [StreetAddress, PhoneNumber] },
        { "«811218-9876», «anna@exempel.se», «08-123 456 78» – kontakta mig.", [PersonalIdentityNumber, Email, PhoneNumber] },
        { "Mitt sms-till-mejl är «0701234567@sms.exempel.se».", [Email] },
    };

    public static TheoryData<string> NotFlagged => new()
    {
        // Places without a house number, which residents legitimately name
        "Varför är belysningen på Fruängsgången släckt?",
        "Kan ni sätta upp fler lampor längs Hägerstensvägen?",
        "Belysningen vid Fruängsgången är trasig sedan i höstas.",
        "Ungdomarna på Fruängsgången samlas runt 22.30 varje kväll.",
        "Det är mörkt vid Telefonplan efter kl. 18.30.",
        "Trygghetsvandringen startar kl 19:00 vid Telefonplan.",
        "Cykelbanan längs Älvsjövägen är smal och dåligt upplyst.",
        "Hur många poliser jobbar i Hägersten-Älvsjö?",
        // Street-like common nouns and numbers that are not house numbers
        "Vi bor på våningsplan 3 och hör bråk varje natt.",
        "Ingången 3 är alltid olåst, vem ska laga den?",
        "Dörren i uppgången 12 går inte att stänga.",
        "Takhöjden 2,5 meter i gångtunneln gör att den känns trång.",
        "Kommunens handlingsplan 2024 nämner inte Västertorp.",
        "Farten på Hägerstensvägen 50 km/h är för hög vid skolan.",
        "Vi har ringt om Personnevägen 4 gånger utan svar.",
        "Jag har bott vid Sjöviksvägen 20 år och aldrig känt mig så otrygg.",
        "Riksväg 73 är farlig för cyklister vid Älvsjö.",
        "Telefonplan 2024: vad hände med trygghetsmätningen?",
        // Years, dates and times
        "Vad gör polisen åt inbrotten som ökat sedan 2023?",
        "Under år 2024 anmäldes fler cykelstölder än år 2023.",
        "Mötet är 2024-05-12 kl. 18.00 i Fruängens bibliotek.",
        "Hur många anmälningar om misshandel var det 2019-2024?",
        "Mötet flyttades till 08.12.2024, varför fick vi inget brev?",
        "Vi ses 08-12-2024 vid Älvsjö station.",
        "Öppettiderna är 0800-1700, varför är receptionen stängd?",
        "Fritidsgården har öppet 08.00–17.00 på vardagar.",
        "Kan ni svara före den 15 maj?",
        "Hur går det med 2025 års budget för Hägersten-Älvsjö?",
        // Prices, amounts and counts
        "Biljetten kostade 1 500 kr, varför ska vi betala för trygghetsvandringen?",
        "Kommunen lade 350 kronor per hushåll på nya lås.",
        "Satsningen kostar 1 200 000 kronor, vad får vi för pengarna?",
        "Fler kameror vid Fruängens tunnelbana kostar 250 000 kr.",
        "12 personer var inblandade i bråket vid Fruängens centrum.",
        "Ni skrev att det var 1 234 brott förra året, stämmer det?",
        "Hur många av de 12 345 invånarna i Fruängen känner sig trygga?",
        "Mellan 2019 och 2024 ökade stölderna med 15 %.",
        "Varför tog det 45 minuter innan polisen kom?",
        // Bus lines, postcodes and emergency numbers
        "Buss 143 är alltid sen och hållplatsen är otrygg.",
        "Varför stannar inte linje 17 vid Västertorp efter midnatt?",
        "Postnummer 129 38 – hör det till Hägersten eller Fruängen?",
        "Ring 112 om det är akut, annars 114 14, säger polisen.",
        "Budgeten är 5 020 000 000 för hela staden, hur mycket går till oss?",
        "Mötet 2024-05-12 0800-1700 hålls i Fruängens bibliotek.",
        "Siffrorna för 2022 2023 2024 visar en tydlig ökning.",
        // Case and order numbers
        "Mitt ärendenummer är 5000-1234, när får jag svar?",
        "Polisens ärendenummer K123456-24 har inte fått något svar.",
        "Ärende 2023/456 om klottret på Götalandsvägen är fortfarande öppet.",
        "Ordernummer 1234567897 gällde de nya kamerorna.",
        "Diarienummer 20240512-1234 nämns i protokollet.",
        // Shaped like identity or coordination numbers, but the check digit or the date is wrong
        "Ordernummer 8112189874 gällde de nya lamporna.",
        "Står det verkligen personnummer 811218-9875 i brevet?",
        "Är 640823-3235 ett nummer ni har registrerat?",
        "Samordningsnummer 701063-2392 fungerar inte i e-tjänsten.",
        "Fakturan 8113189875 gällde inte oss.",
        "Referens 811232-9878 står på kvittot.",
        "Beställning 810230-9872 kom aldrig fram.",
        "Beställning 890229-1239 skickades till fel adress.",
        "Nummer 641191-5553 finns inte i ert system.",
        // Other text that is no contact data
        "Kan ni skicka svaret via e-post i stället för brev?",
        "",
    };

    [Theory]
    [MemberData(nameof(Flagged))]
    public void Flags_personal_data_exactly_where_it_is_marked(string marked, PersonalDataKind[] kinds)
    {
        var (text, spans) = Unmark(marked);
        Assert.Equal(spans.Count, kinds.Length);
        var expected = spans.Zip(kinds, (span, kind) => new PersonalDataFlag(kind, span.Start, span.Length)).ToList();

        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal(expected, flags);
    }

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public void Leaves_ordinary_questions_alone(string text)
    {
        var flags = ConfidentialityFilter.Detect(text);

        Assert.True(flags.Count == 0, string.Join("; ", flags.Select(f => $"{f.Kind} '{text.Substring(f.Start, f.Length)}'")));
    }

    [Fact]
    public void The_corpus_is_large_enough_to_mean_something()
    {
        Assert.True(Flagged.Count >= 45, $"{Flagged.Count} flagged cases");
        Assert.True(NotFlagged.Count >= 45, $"{NotFlagged.Count} unflagged cases");
    }

    [Fact]
    public void Offsets_point_at_the_matched_text()
    {
        const string text = "Hej! Ring 070-123 45 67 eller mejla eva@exempel.se.";

        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal(["070-123 45 67", "eva@exempel.se"], flags.Select(f => text.Substring(f.Start, f.Length)));
        Assert.Equal([PhoneNumber, Email], flags.Select(f => f.Kind));
    }

    [Fact]
    public void Several_kinds_in_one_text_come_in_order_and_never_overlap()
    {
        const string text = "Jag, 19811218-9876, bor på Fruängsgången 12 B, nås på +46 70 123 45 67 eller lisa.ek@exempel.se, "
            + "och min granne 701063-2391 på Personnevägen 3.";

        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal([PersonalIdentityNumber, StreetAddress, PhoneNumber, Email, CoordinationNumber, StreetAddress], flags.Select(f => f.Kind));
        Assert.Equal(["19811218-9876", "Fruängsgången 12 B", "+46 70 123 45 67", "lisa.ek@exempel.se", "701063-2391", "Personnevägen 3"],
            flags.Select(f => text.Substring(f.Start, f.Length)));
        Assert.All(flags.Zip(flags.Skip(1)), pair => Assert.True(pair.First.Start + pair.First.Length <= pair.Second.Start));
    }

    [Fact]
    public void An_identity_number_that_is_also_a_valid_phone_number_is_an_identity_number()
    {
        // 011218-1235 (born 2001) is also a valid Norrköping number (011-218 12 35) to libphonenumber.
        var flags = ConfidentialityFilter.Detect("Min son har 011218-1235.");

        Assert.Equal([new PersonalDataFlag(PersonalIdentityNumber, 12, 11)], flags);
    }

    [Fact]
    public void An_email_address_made_of_a_phone_number_is_an_email_address()
    {
        var flags = ConfidentialityFilter.Detect("0701234567@sms.exempel.se");

        Assert.Equal([new PersonalDataFlag(Email, 0, 25)], flags);
    }

    [Fact]
    public void A_wrong_check_digit_on_a_number_that_dials_is_still_a_phone_number()
    {
        // Not an identity number (the check digit should be 5), but a Norrköping number, and flagging it errs on the safe side.
        var flags = ConfidentialityFilter.Detect("Ring 011-218 12 34");

        Assert.Equal([new PersonalDataFlag(PhoneNumber, 5, 13)], flags);
    }

    [Theory]
    [InlineData("198112189876")]
    [InlineData("19811218-9876")]
    [InlineData("20121212-1212")]
    public void The_12_digit_form_is_an_identity_number(string number)
    {
        var flags = ConfidentialityFilter.Detect($"Personnummer {number}");

        Assert.Equal([new PersonalDataFlag(PersonalIdentityNumber, 13, number.Length)], flags);
    }

    [Fact]
    public void The_plus_separator_of_people_over_100_is_part_of_the_identity_number()
    {
        var flags = ConfidentialityFilter.Detect("Min farmor 211121+1237 har blivit lurad i telefon.");

        Assert.Equal([new PersonalDataFlag(PersonalIdentityNumber, 11, 11)], flags);
    }

    [Theory]
    [InlineData("701063-2391")]
    [InlineData("19701063-2391")]
    [InlineData("8512729800")]
    public void A_day_plus_60_makes_a_coordination_number(string number)
    {
        var flags = ConfidentialityFilter.Detect(number);

        Assert.Equal([new PersonalDataFlag(CoordinationNumber, 0, number.Length)], flags);
    }

    [Fact]
    public void Digits_inside_a_longer_run_are_not_an_identity_number()
    {
        Assert.Empty(ConfidentialityFilter.Detect("Kvitto 98112189876 och 1981121898761"));
    }

    [Theory]
    [InlineData("8112189876", true)]
    [InlineData("6408233234", true)]
    [InlineData("1212121212", true)]
    [InlineData("7010632391", true)]
    [InlineData("2111211237", true)]
    [InlineData("8112189875", false)]
    [InlineData("6408233235", false)]
    [InlineData("7010632392", false)]
    [InlineData("811218987", false)]
    [InlineData("198112189876", false)]
    [InlineData("811218-987", false)]
    [InlineData("", false)]
    public void HasValidCheckDigit_is_the_Luhn_test_over_ten_digits(string tenDigits, bool valid)
    {
        Assert.Equal(valid, ConfidentialityFilter.HasValidCheckDigit(tenDigits));
    }

    [Fact]
    public void An_empty_text_has_no_findings()
    {
        Assert.Empty(ConfidentialityFilter.Detect(""));
    }

    /// <summary>Removes the «» marks and says where each marked stretch is in the text without them.</summary>
    private static (string Text, List<(int Start, int Length)> Spans) Unmark(string marked)
    {
        var text = new StringBuilder();
        var spans = new List<(int, int)>();
        var start = -1;
        foreach (var c in marked)
        {
            if (c == '«') start = text.Length;
            else if (c == '»') spans.Add((start, text.Length - start));
            else text.Append(c);
        }
        return (text.ToString(), spans);
    }
}
