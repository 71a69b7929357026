using System.Diagnostics;
using System.Globalization;
using System.Text;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.PersonalDataKind;

namespace Trygghet.Api.Tests.Infrastructure;

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
        // Identity numbers with a space between the date and the last four
        { "Mitt personnummer är «19811218 9876» om ni behöver det för anmälan.", [PersonalIdentityNumber] },
        { "Pnr «811218 9876», jag blev av med cykeln vid Fruängens centrum.", [PersonalIdentityNumber] },
        { "Jag har samordningsnummer «701063 2391» och vill gå med på vandringen.", [CoordinationNumber] },
        // Digits of other scripts, and text that normalisation changes before the finding
        { "Personnummer «８１１２１８-９８７６», jag skriver från mobilen.", [PersonalIdentityNumber] },
        { "رقمي الشخصي «٨١١٢١٨-٩٨٧٦» من فضلكم اتصلوا بي", [PersonalIdentityNumber] },
        { "Ring mig på «٠٧٠-١٢٣ ٤٥ ٦٧» om ni har frågor om mötet.", [PhoneNumber] },
        { "Mitt nummer: «０７３-９８７ ６５ ４３».", [PhoneNumber] },
        { "ﬁck inget svar från ① kommunen eller ② polisen, ring «070-123 45 67».", [PhoneNumber] },
        { "Jag bor på «Fruängsgången １８» och porten går inte att låsa.", [StreetAddress] },
        // Obfuscated e-mail addresses
        { "Skicka svaret till «anna.svensson (at) exempel.se», tack.", [Email] },
        { "Mejla «anna.svensson [at] exempel.se» om ni vet vem som klottrat.", [Email] },
        { "Min mejl är «anna.svensson at exempel.se» om ni vill nå mig.", [Email] },
        { "Hör av er till «anna.svensson snabel-a exempel.se» efter mötet.", [Email] },
        { "Kontakt: «anna(at)exempel(dot)se»", [Email] },
        { "Skriv till «kalle[at]telia[dot]com» så skickar jag bilderna.", [Email] },
        { "E-post: «lisa.ek (at) exempel punkt se»", [Email] },
        { "Maila «per snabel-a bredband dot net» om ni hittar cykeln.", [Email] },
        { "Min adress är «göran (at) förening.stockholm.se», inte kommunens.", [Email] },
        { "MEJLA «ANNA.SVENSSON AT EXEMPEL.SE» OM NI SER NÅGOT!", [Email] },
        { "Svara till «anna @ exempel.se» tack.", [Email] },
        // More of what residents write in questions and observation reports
        { "Lampan vid «Sedelvägen 7» är trasig sedan två veckor.", [StreetAddress] },
        { "Det står en övergiven bil utanför «Mälarhöjdsvägen 24 C».", [StreetAddress] },
        { "Någon kastar sten från balkongen på «Västertorpsvägen 12», ring mig på «070 123 45 67».", [StreetAddress, PhoneNumber] },
        { "Sms:a «0701234567» om bussen inte kommer.", [PhoneNumber] },
        { "Jag, «19811218 9876», nås på «anna (at) exempel.se».", [PersonalIdentityNumber, Email] },
        { "Observation: klotter på porten till «Sedelvägen 3», anmälare Karin, tel «073 456 78 90».", [StreetAddress, PhoneNumber] },
        { "Min sambo svarar på «+46 76 543 21 09» dagtid om ni vill veta mer.", [PhoneNumber] },
        { "Skicka protokollet till mig på «Hägerstensvägen 251 A», jag har ingen dator.", [StreetAddress] },
        { "Det gäller min son, personnummer «081218–9876», som blev rånad.", [PersonalIdentityNumber] },
        { "Pappa nås på «070‑123 45 67» (skrivet i Word).", [PhoneNumber] },
    };

    public static TheoryData<string> NotFlagged => new()
    {
        // Dashes of every kind between times, years and bus lines
        "Fritidsgården har öppet 15.00–21.00 på vardagar.",
        "Mellan 2019–2024 ökade anmälningarna enligt BRÅ.",
        "Buss 133–143 går inte efter midnatt.",
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
        // "at" in English prose, Swedish text with an at sign, and dots spelled out, none of them an address
        "Vi ses at 18 vid Fruängens centrum.",
        "Please meet at the station before the walk.",
        "The lamp is broken, could someone look at it.",
        "Tåget at Älvsjö var försenat igen i morse.",
        "Linje 13 at Liljeholmen is always late.",
        "More information at polisen.se, says the leaflet.",
        "Read about it at www.stockholm.se before the meeting.",
        "Vi ses @ Telefonplan kl 18.30.",
        "Jag taggade @polisen_sthlm i inlägget men fick inget svar.",
        "Punkt 4 på dagordningen handlar om Fruängsgången.",
        "Andelen som känner sig trygga steg från 61 punkt 5 till 64 procent.",
        // Places without a number, bus lines, times and counts
        "Buss 144 går var 10:e minut men är alltid full.",
        "Lampan vid Sedelvägen är trasig sedan i höstas.",
        "Hastigheten 30 km/h på Sedelvägen följs inte.",
        "Vi var 40 personer på trygghetsvandringen i Västertorp.",
        "Sms:a TRYGG till 72999 för att få påminnelser om mötena.",
        // Digits of other scripts in dates, times, prices and postcodes
        "Mötet är ２０２４-０５-１２ kl. １８.００ i biblioteket.",
        "Biljetten kostar １ ５００ kr för hela familjen.",
        "Öppettider ０８.００–１７.００ på vardagar.",
        "Postnummer １２９ ３８ gäller för Fruängen.",
        "Kostnaden blev ８ ５００ kronor för nya lås.",
        "الحافلة ١٤٤ تأتي كل ١٠ دقائق",
        "Klockan ۲۲:۳۰ är det stökigt vid torget.",
        // Identity numbers with a space, but the check digit or the date is wrong
        "Står det verkligen 811218 9875 på blanketten?",
        "Ordernummer 19811218 9875 gällde lamporna.",
        "Fakturan 811318 9875 gällde inte oss.",
        // Shaped like an identity number in full-width digits, but the check digit is wrong
        "Referensen ８１１２１８-９８７５ står på kvittot.",
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
        Assert.True(Flagged.Count >= 85, $"{Flagged.Count} flagged cases");
        Assert.True(NotFlagged.Count >= 85, $"{NotFlagged.Count} unflagged cases");
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
    [InlineData("19811218 9876", PersonalIdentityNumber)]
    [InlineData("811218 9876", PersonalIdentityNumber)]
    [InlineData("19701063 2391", CoordinationNumber)]
    [InlineData("701063 2391", CoordinationNumber)]
    [InlineData("８１１２１８\u3000９８７６", PersonalIdentityNumber)]
    public void A_space_between_the_date_and_the_last_four_is_still_an_identity_number(string number, PersonalDataKind kind)
    {
        var flags = ConfidentialityFilter.Detect($"Nummer {number}.");

        Assert.Equal([new PersonalDataFlag(kind, 7, number.Length)], flags);
    }

    [Theory]
    [InlineData("811218 9875")]
    [InlineData("19811218 9875")]
    [InlineData("811318 9875")]
    [InlineData("811218  9876")]
    [InlineData("Summan 12 811218 9876")]
    [InlineData("811218 9876 12 st")]
    [InlineData("18 811218 9876")]
    public void A_space_separated_identity_number_is_still_checked_and_must_stand_alone(string text)
    {
        Assert.DoesNotContain(ConfidentialityFilter.Detect(text), f => f.Kind is PersonalIdentityNumber or CoordinationNumber);
    }

    [Theory]
    [InlineData("anna.svensson (at) exempel.se")]
    [InlineData("anna.svensson [at] exempel.se")]
    [InlineData("anna.svensson {at} exempel.se")]
    [InlineData("anna.svensson at exempel.se")]
    [InlineData("anna.svensson AT exempel.se")]
    [InlineData("anna.svensson snabel-a exempel.se")]
    [InlineData("anna.svensson (snabel-a) exempel.se")]
    [InlineData("anna.svensson @ exempel.se")]
    [InlineData("anna.svensson@ exempel.se")]
    [InlineData("anna(at)exempel(dot)se")]
    [InlineData("anna[at]exempel[dot]se")]
    [InlineData("anna (at) exempel (dot) se")]
    [InlineData("anna at exempel punkt se")]
    [InlineData("anna at exempel dot se")]
    [InlineData("anna(dot)svensson(at)exempel(dot)se")]
    [InlineData("anna.svensson＠exempel．se")]
    [InlineData("anna.svensson@exempel (dot) se")]
    [InlineData("anna.svensson@exempel punkt se")]
    public void An_obfuscated_e_mail_address_is_an_e_mail_address(string address)
    {
        var text = $"Mejla {address} i kväll.";

        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal([new PersonalDataFlag(Email, 6, address.Length)], flags);
    }

    [Theory]
    [InlineData("vi ses at 18")]
    [InlineData("meet at the station")]
    [InlineData("look at it.")]
    [InlineData("look at it.Now we know.")]
    [InlineData("tåget at Älvsjö")]
    [InlineData("more at polisen.se")]
    [InlineData("see us at stockholm.se")]
    [InlineData("anna at www.exempel.se")]
    [InlineData("anna (at) www.exempel.se")]
    [InlineData("anna (at) exempel")]
    [InlineData("anna at exempel punkt 5")]
    [InlineData("anna (at) exempel (dot) 42")]
    [InlineData("(at) exempel.se")]
    [InlineData("anna at")]
    public void Prose_with_at_and_dots_is_no_e_mail_address(string text)
    {
        Assert.Empty(ConfidentialityFilter.Detect(text));
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

    /// <summary>The zero of every script with ten decimal digits in a row (UnicodeCategory.DecimalDigitNumber), ASCII included.</summary>
    private static readonly Rune[] Zeros = Enumerable.Range(0, 0x110000)
        .Where(Rune.IsValid)
        .Select(v => new Rune(v))
        .Where(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber && Rune.GetNumericValue(r) == 0
            && Enumerable.Range(1, 9).All(d => Rune.IsValid(r.Value + d) && Rune.GetNumericValue(new Rune(r.Value + d)) == d))
        .ToArray();

    public static TheoryData<int> DigitScripts => new(Zeros.Select(z => z.Value));

    [Fact]
    public void Every_script_with_decimal_digits_is_covered()
    {
        // ASCII, full-width, Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari … and the supplementary planes.
        Assert.Contains(Zeros, z => z.Value == 0xFF10);
        Assert.Contains(Zeros, z => z.Value == 0x0660);
        Assert.Contains(Zeros, z => z.Value == 0x06F0);
        Assert.Contains(Zeros, z => z.Value > 0xFFFF);
        Assert.True(Zeros.Length >= 50, $"{Zeros.Length} scripts");
    }

    [Theory]
    [MemberData(nameof(DigitScripts))]
    public void Digits_of_any_script_are_read_as_ASCII_digits_and_highlighted_where_they_are_written(int zero)
    {
        const string ascii = "Jag, 811218-9876, nås på 070-123 45 67 eller på ek99@exempel.se och bor på Fruängsgången 12.";
        var expected = ConfidentialityFilter.Detect(ascii);
        var text = InScript(ascii, new Rune(zero));

        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal([PersonalIdentityNumber, PhoneNumber, Email, StreetAddress], flags.Select(f => f.Kind));
        Assert.Equal(expected.Select(f => InScript(ascii.Substring(f.Start, f.Length), new Rune(zero))),
            flags.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Theory]
    [InlineData("Mitt personnummer är ８１１２１８-９８７６, tack.", "８１１２１８-９８７６", PersonalIdentityNumber)]
    [InlineData("Mitt personnummer är ٨١١٢١٨-٩٨٧٦، شكرا", "٨١١٢١٨-٩٨٧٦", PersonalIdentityNumber)]
    [InlineData("Samordningsnummer ۷۰۱۰۶۳-۲۳۹۱ står på beslutet.", "۷۰۱۰۶۳-۲۳۹۱", CoordinationNumber)]
    [InlineData("Ring ０７０-１２３ ４５ ６７ på kvällen.", "０７０-１２３ ４５ ６７", PhoneNumber)]
    [InlineData("Ring ٠٧٠-١٢٣ ٤٥ ٦٧ på kvällen.", "٠٧٠-١٢٣ ٤٥ ٦٧", PhoneNumber)]
    [InlineData("Mejla ａｎｎａ＠ｅｘｅｍｐｅｌ．ｓｅ i stället.", "ａｎｎａ＠ｅｘｅｍｐｅｌ．ｓｅ", Email)]
    [InlineData("Jag bor på Fruängsgången １２ sedan i fjol.", "Fruängsgången １２", StreetAddress)]
    [InlineData("Ring\u00A0070\u202F123\u00A045\u00A067, tack.", "070\u202F123\u00A045\u00A067", PhoneNumber)]
    public void Full_width_and_Arabic_Indic_forms_are_found_where_they_are_written(string text, string found, PersonalDataKind kind)
    {
        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal([new PersonalDataFlag(kind, text.IndexOf(found, StringComparison.Ordinal), found.Length)], flags);
    }

    [Theory]
    [InlineData("ﬁka på ﬁket ⑩ gånger, ring sedan 070-123 45 67.", "070-123 45 67", PhoneNumber)]
    [InlineData("㈱ och ﷺ står på skylten, mitt nummer är 811218-9876.", "811218-9876", PersonalIdentityNumber)]
    [InlineData("Rene\u0301 och Zoe\u0308 bor på Fruängsgången 12 B.", "Fruängsgången 12 B", StreetAddress)]
    [InlineData("½ timme väntan ① vid porten, mejla anna@exempel.se.", "anna@exempel.se", Email)]
    [InlineData("Jag bor på Frua\u0308ngsga\u030Angen 12.", "Frua\u0308ngsga\u030Angen 12", StreetAddress)]
    [InlineData("Ⅻ ﬃ ㎏ m² pnr ８１１２１８－９８７６", "８１１２１８－９８７６", PersonalIdentityNumber)]
    [InlineData("ﬁck ㈱ svar? Mejla ａｎｎａ (at) ｅｘｅｍｐｅｌ (dot) ｓｅ i kväll.", "ａｎｎａ (at) ｅｘｅｍｐｅｌ (dot) ｓｅ", Email)]
    public void Offsets_point_into_the_original_text_where_normalisation_changes_its_length(string text, string found, PersonalDataKind kind)
    {
        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal([new PersonalDataFlag(kind, text.IndexOf(found, StringComparison.Ordinal), found.Length)], flags);
    }

    [Fact]
    public void Digits_outside_the_basic_plane_are_highlighted_whole()
    {
        // Adlam digits take two UTF-16 code units each.
        var number = InScript("811218-9876", new Rune(0x1E950));
        var text = $"Pnr {number}.";

        var flags = ConfidentialityFilter.Detect(text);

        Assert.Equal([new PersonalDataFlag(PersonalIdentityNumber, 4, 21)], flags);
        Assert.Equal(number, text.Substring(4, 21));
    }

    [Fact]
    public void Awkward_text_gets_an_answer()
    {
        // One fact rather than a theory: test runners cannot tell apart cases that differ only in a lone surrogate.
        string[] awkward =
        [
            "\uD800", "\uDC00", "\uDC00\uD800", "811218-9876\uD800", "\uD83D811218-9876", "070\uDFFF-123 45 67", "\uD800\u0301",
            "\0", "811218\0-9876", "\0\0\0\u0001\u001F\u007F\u0085\u2028\u2029", "\r\n\t\v\f",
            "a\u0301\u0302\u0303\u0304\u0305", "\u0301\u0301811218-9876", "8\u20E31\u20E3", "٨١١٢١٨-٩٨٧٦", "８１１２１８-９８７６", "𞥘𞥑𞥑𞥒𞥑𞥘-𞥙𞥘𞥗𞥖",
            "\uFFFE\uFFFF\uFFFD\u0378", "ﷺﷺﷺ", "@", "@@", "(at)", " at ", "a at b", "a (at) b (dot) c", "snabel-a", "punkt", "+", "-", "+46", "00",
            "Fruängsgången", "Fruängsgången ", "Fruängsgången 9999999", "s:t", "\u1100\u1161\u11A8", "👨‍👩‍👧‍👦", "🇸🇪070-123 45 67",
        ];

        foreach (var text in awkward)
        {
            var failure = Record.Exception(() => AssertWellFormed(text, ConfidentialityFilter.Detect(text)));

            Assert.True(failure is null, $"{string.Concat(text.Select(c => char.IsAscii(c) && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"))}: {failure}");
        }
    }

    [Fact]
    public void No_text_throws_and_every_flag_lies_within_it()
    {
        // Building blocks that matter to the detectors, mixed with random code units of every kind.
        string[] fragments =
        [
            "811218-9876", "19811218 9876", "811218+9876", "701063-2391", "070-123 45 67", "+46 70 123 45 67", "08-123 456 78", "(08)", "0046",
            "anna.svensson", "@", "＠", " at ", "(at)", "[at]", " snabel-a ", "(dot)", "[dot]", " punkt ", " dot ", ".", "．", "exempel.se", "www.",
            "Fruängsgången ", "Hägerstens allé ", "vägen ", "nr ", "12", "3B", " A", "kr", "-", "–", "+", " ", "  ", "\u00A0", "\u3000", "\r\n", "\t",
            "ﬁ", "①", "⑩", "㈱", "ﷺ", "½", "²", "\u0301", "\u20E3", "\u200D", "\uD800", "\uDC00", "\0", "\u0007", "\uFFFF", "👍", "🇸🇪",
        ];
        var random = new Random(20240512);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var parts = random.Next(0, 40);
            for (var p = 0; p < parts; p++)
            {
                switch (random.Next(5))
                {
                    case 0: text.Append(fragments[random.Next(fragments.Length)]); break;
                    case 1: text.Append((char)random.Next(0, 0x10000)); break;
                    case 2: text.Append((char)random.Next(0x20, 0x7F)); break;
                    case 3: text.Append(new Rune(Zeros[random.Next(Zeros.Length)].Value + random.Next(10)).ToString()); break;
                    default: text.Append(InScript(fragments[random.Next(fragments.Length)], Zeros[random.Next(Zeros.Length)])); break;
                }
            }
            var input = text.ToString();

            var flags = ConfidentialityFilter.Detect(input);

            AssertWellFormed(input, flags);
        }
    }

    public static TheoryData<string, string> LongInputs => new()
    {
        { "digits", new string('1', 100_000) },
        { "zeros in groups", string.Concat(Enumerable.Repeat("0 ", 50_000)) },
        { "phone numbers", string.Concat(Enumerable.Repeat("070-123 45 67 ", 7_200)) },
        { "identity numbers with spaces", string.Concat(Enumerable.Repeat("811218 9876 ", 8_400)) },
        { "letters", new string('a', 100_000) },
        { "spaces", new string(' ', 100_000) },
        { "at signs", string.Concat(Enumerable.Repeat("a@", 50_000)) },
        { "dots", string.Concat(Enumerable.Repeat("a.", 50_000)) },
        { "at words", string.Concat(Enumerable.Repeat("a at ", 20_000)) },
        { "bracketed at", string.Concat(Enumerable.Repeat("a (at) ", 14_300)) },
        { "dot words", string.Concat(Enumerable.Repeat("a punkt ", 12_500)) },
        { "a long domain", "anna@" + string.Concat(Enumerable.Repeat("a.", 50_000)) },
        { "street words", string.Concat(Enumerable.Repeat("Fruängsgången ", 7_200)) },
        { "combining marks", "a" + new string('\u0301', 100_000) },
        { "full-width digits", new string('１', 100_000) },
        { "Arabic-Indic groups", string.Concat(Enumerable.Repeat("٠٧٠ ", 25_000)) },
        { "ligatures", new string('ﬁ', 100_000) },
        { "lone surrogates", new string('\uD800', 100_000) },
    };

    [Theory]
    [MemberData(nameof(LongInputs))]
    public void Long_text_is_read_in_linear_time(string name, string text)
    {
        var clock = Stopwatch.StartNew();

        var flags = ConfidentialityFilter.Detect(text);

        clock.Stop();
        AssertWellFormed(text, flags);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name}: {text.Length} characters took {clock.Elapsed}");
    }

    /// <summary>Every flag lies within the text, never splits a surrogate pair, and flags come in order without overlapping.</summary>
    private static void AssertWellFormed(string text, IReadOnlyList<PersonalDataFlag> flags)
    {
        var end = 0;
        foreach (var flag in flags)
        {
            Assert.True(flag.Start >= end && flag.Length > 0 && flag.Start + flag.Length <= text.Length, $"{flag} in a text of {text.Length}");
            Assert.False(flag.Start > 0 && char.IsSurrogatePair(text[flag.Start - 1], text[flag.Start]), $"{flag} starts inside a pair");
            var after = flag.Start + flag.Length;
            Assert.False(after < text.Length && char.IsSurrogatePair(text[after - 1], text[after]), $"{flag} ends inside a pair");
            end = after;
        }
    }

    /// <summary>The text with its ASCII digits written in the script whose zero is given.</summary>
    private static string InScript(string ascii, Rune zero)
    {
        var text = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiDigit(c)) text.Append(new Rune(zero.Value + c - '0').ToString());
            else text.Append(c);
        }
        return text.ToString();
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
