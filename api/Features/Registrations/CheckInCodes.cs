namespace Trygghet.Api.Features.Registrations;

/// <summary>Draws the code a participant shows at the door; injected so that tests can choose it.</summary>
public interface ICheckInCodes
{
    string New();
}

/// <summary>Eight random characters of an alphabet without look-alikes.</summary>
public sealed class CheckInCodes : ICheckInCodes
{
    /// <summary>Without look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.</summary>
    public const string Alphabet = "ACDEFGHJKMNPQRTWXY34679";

    public string New() => System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>The code as stored: what was typed, without spaces and dashes, in capitals.</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
}
