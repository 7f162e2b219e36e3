using System.Security.Cryptography;

namespace Ent77.Infrastructure.Security;

/// <summary>
/// The activation codes' HMAC key: <c>Security:CodeKey</c> (base64, ≥ 32 bytes), or outside Production a
/// key file generated once under the data folder (<c>keys/activation-code.key</c>).
/// </summary>
public sealed class CodeKey
{
    public const int MinLength = 32;

    private CodeKey(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public static CodeKey FromBase64(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Security:CodeKey must be base64.", e);
        }

        return bytes.Length >= MinLength
            ? new CodeKey(bytes)
            : throw new InvalidOperationException($"Security:CodeKey must hold at least {MinLength} bytes.");
    }

    /// <summary>Reads the development key file, creating it (owner-only) the first time.</summary>
    public static CodeKey FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinLength));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return FromBase64(File.ReadAllText(path).Trim());
    }
}
