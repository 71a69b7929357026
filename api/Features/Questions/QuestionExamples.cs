using Trygghet.Api.Features.Actors;
using Trygghet.Api.Infrastructure;
using static Trygghet.Api.Infrastructure.ExampleValues;

namespace Trygghet.Api.Features.Questions;

/// <summary>The contract's examples of a resident's question at the dialogue in Fruängen and the police's answer.</summary>
public sealed class QuestionExamples : IContractExamples
{
    private const string Text = "Varför är det så mörkt i gångtunneln vid tunnelbanan, och när blir det bättre?";
    private const string Token = "Hc8Kx2mP5vQ9tR3wY7zB1nL4dF6gJ0sA-k_Ue3Vo9Xi";
    private static readonly DateTimeOffset Asked = DialogueStart.AddMinutes(32);

    private static readonly Answer Answer = new(Guid.Parse("d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6"),
        "Trafikkontoret har fått felanmälan och byter armaturerna i vår. Polisen patrullerar området fredagskvällar.", false,
        "Lokalpolisområde Globen", AnswerAuthorKind.Actor, ActorKind.Police, DialogueStart.AddMinutes(70));

    public static readonly PublicQuestion Question = new(QuestionId, DialogueId, Text, "Boende på Fruängsgången",
        new Addressee(ActorKind.Police, null, null), 14, true, false, true, [Answer], Asked, Asked.AddMinutes(2));

    private static readonly ModeratedQuestion Moderated = new(QuestionId, DialogueId, QuestionStatus.Published, Text, "Boende på Fruängsgången",
        new Addressee(ActorKind.Police, null, null), [], null, null, 14, true, false, [Answer], Asked, Asked.AddMinutes(2), Asked.AddMinutes(2), false, null, 3);

    public IEnumerable<object> Examples =>
    [
        new QuestionRequest(Text, "Boende på Fruängsgången", ActorKind.Police),
        new AskReceipt(QuestionId, DialogueId, QuestionStatus.Pending, [], Token, $"https://trygghet.example.se/fraga#{Token}"),
        Question,
        new QuestionList([Question], null, 57),
        new MyQuestion(QuestionId, DialogueId, "Trygghetsdialog i Fruängen", QuestionStatus.Published, Text, null, null, 14, [Answer], Asked),
        Moderated,
        new Page<ModeratedQuestion>([Moderated], null),
        new VoterToken("Zr5Tq1Wx8Km3Pv7Ny2Lb6Hd0Fg4Js9Ac-e_Oi1Uw5Qy"),
        new AnswerRequest(Answer.Text, false),
        new ApprovalRequest(false),
        new MergeRequest(Guid.Parse("8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d")),
        new RedactionRequest("Varför är det så mörkt i gångtunneln vid tunnelbanan?", true),
        new RejectionRequest("Frågan gäller en enskild person. Vänd dig till polisen på 114 14."),
        new QuestionSettings(QuestionModeration.Pre),
        new VoteResult(QuestionId, 15, true),
        new QuestionReceiptEmailRequest(Token, "boende.fruangen@example.se"),
        Join,
        new JoinTarget(Join.Code, DialogueId, DialogueSlug, "Trygghetsdialog i Fruängen", DialogueStart, Join),
    ];

    private static readonly JoinLink Join = new("K7M3PX", "https://trygghet.example.se/q/K7M3PX",
        $"https://trygghet.example.se/dialoger/{DialogueSlug}/fragor");
}
