using System.Security.Cryptography;

namespace Trygghet.Api.Infrastructure;

/// <summary>
/// Secret link tokens: 256 random bits, base64url. Only their SHA-256 is stored, so a database copy
/// cannot be used to act through anyone's link.
/// </summary>
public interface ISecretTokens
{
    string New();
}

public sealed class SecretTokens : ISecretTokens
{
    public string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
