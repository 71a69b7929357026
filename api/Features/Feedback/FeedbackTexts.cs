using Trygghet.Api.Infrastructure;

namespace Trygghet.Api.Features.Feedback;

internal static class FeedbackTexts
{
    public static readonly Text NotClosed = new("Återkopplingen publiceras när evenemanget har avslutats.", "The feedback is published once the event is closed.");
}
