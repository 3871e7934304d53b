using System.Security.Cryptography;
using System.Text;

namespace K8sRelay.Core.Auth;

/// <summary>Compares API keys and admin secrets without leaking, through timing, how much of them matched.</summary>
public static class SecretComparer
{
    /// <summary>
    /// True when both strings are non-empty and equal. Compares the UTF-8 bytes with
    /// <see cref="CryptographicOperations.FixedTimeEquals"/> after hashing both to SHA-256, so neither the content
    /// nor the length of the expected secret can be learned from timing.
    /// Null or empty values never match, so an unset secret can never be satisfied by an empty one.
    /// </summary>
    public static bool FixedTimeEquals(string? provided, string? expected)
    {
        if (string.IsNullOrEmpty(provided) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(provided)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
