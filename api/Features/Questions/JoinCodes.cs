using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Trygghet.Api.Features.Questions;

/// <summary>
/// The short code that joins a dialogue's questions from the room (<c>/q/K7M3PX</c>): six characters of an alphabet
/// without look-alikes, derived from the event's id, so it needs no column, never changes and is the same on every
/// instance (docs/decisions/0022).
/// </summary>
public static class JoinCodes
{
    /// <summary>Without look-alikes when read aloud or from a screen: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.</summary>
    public const string Alphabet = "ACDEFGHJKMNPQRTWXY34679";

    public const int Length = 6;

    private static readonly ulong Space = (ulong)Math.Pow(Alphabet.Length, Length);

    /// <summary>The event's code: the first 64 bits of SHA-256 of its id, in base 23.</summary>
    public static string For(Guid eventId)
    {
        var hash = SHA256.HashData(eventId.ToByteArray(bigEndian: true));
        var n = BinaryPrimitives.ReadUInt64BigEndian(hash) % Space;
        var code = new char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            code[i] = Alphabet[(int)(n % (ulong)Alphabet.Length)];
            n /= (ulong)Alphabet.Length;
        }
        return new string(code);
    }

    /// <summary>A code as typed: without spaces and dashes, in capitals; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
