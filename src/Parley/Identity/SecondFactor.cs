using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Parley.Data;
using QRCoder;

namespace Parley.Identity;

/// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) and recovery codes. The secret is kept protected
/// with ASP.NET Core Data Protection; a code is accepted one step either side of now, and only for a
/// step later than the last one accepted, so a code (or an older one) never works twice.
public sealed class SecondFactor(ParleyDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    public const string Issuer = "Parley";
    public const int RecoveryCodeCount = 10;
    private const string RecoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private readonly IDataProtector _protector = protection.CreateProtector("Parley.Identity.Totp.v1");

    /// Supervisors, hotline officers and administrators may not work without a second factor.
    public static bool IsRequiredFor(Roles roles) =>
        (roles & (Roles.Supervisor | Roles.HotlineOfficer | Roles.Administrator)) != 0;

    public static bool IsNeeded(User user) => user.HasSecondFactor || IsRequiredFor(user.Roles);

    public sealed record Enrolment(string Secret, string OtpauthUri, string QrCodeSvg);

    /// A new secret for the user (replacing one not yet confirmed); the factor counts once confirmed.
    public async Task<Enrolment> BeginAsync(User user, CancellationToken ct)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.TotpSecret = Protect(secret);
        user.TotpEnrolledAt = null;
        user.TotpLastStep = null;
        await db.SaveChangesAsync(ct);
        return Describe(user, secret);
    }

    /// The pending enrolment again (the page is reloaded), without a new secret.
    public Enrolment? Pending(User user) =>
        user.TotpSecret is not null && user.TotpEnrolledAt is null ? Describe(user, Unprotect(user.TotpSecret)) : null;

    /// The first code proves the authenticator works; returns the recovery codes, shown this once.
    public async Task<IReadOnlyList<string>?> ConfirmAsync(User user, string code, CancellationToken ct)
    {
        if (user.TotpSecret is null || user.TotpEnrolledAt is not null) return null;
        if (!await AcceptCodeAsync(user, code, ct)) return null;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpEnrolledAt, now), ct);
        user.TotpEnrolledAt = now;
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { Id = Guid.CreateVersion7(now), UserId = user.Id, Hash = HashRecoveryCode(c), CreatedAt = now }));
        await db.SaveChangesAsync(ct);
        return codes;
    }

    /// A TOTP code for an enrolled (or enrolling) user; the step is claimed with a compare-and-set,
    /// so two requests racing with the same code cannot both win.
    public async Task<bool> AcceptCodeAsync(User user, string code, CancellationToken ct)
    {
        if (user.TotpSecret is null) return false;
        code = code.Replace(" ", "").Trim();
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(Unprotect(user.TotpSecret)));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.TotpLastStep == null || u.TotpLastStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TotpLastStep, step), ct);
        if (claimed == 0) return false;
        user.TotpLastStep = step;
        return true;
    }

    /// One of the user's unused recovery codes; it is spent.
    public async Task<bool> AcceptRecoveryCodeAsync(User user, string code, CancellationToken ct)
    {
        if (!user.HasSecondFactor) return false;
        var hash = HashRecoveryCode(code);
        var now = time.GetUtcNow().UtcDateTime;
        var spent = await db.RecoveryCodes
            .Where(c => c.UserId == user.Id && c.Hash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        return spent == 1;
    }

    /// An administrator's reset: the user enrols again at the next sign-in.
    public async Task ResetAsync(User user, CancellationToken ct)
    {
        user.TotpSecret = null;
        user.TotpEnrolledAt = null;
        user.TotpLastStep = null;
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    public string Protect(string base32Secret) => _protector.Protect(base32Secret);

    private string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    private static Enrolment Describe(User user, string secret)
    {
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Issuer}&algorithm=SHA1&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new Enrolment(secret, uri, svg);
    }

    private static string NewRecoveryCode()
    {
        var raw = RandomNumberGenerator.GetString(RecoveryAlphabet, 12);
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// Recovery codes carry 59 bits of randomness, so a plain SHA-256 is enough (no slow hash needed).
    private static byte[] HashRecoveryCode(string code) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(code.Replace("-", "").Replace(" ", "").Trim().ToLowerInvariant()));
}
