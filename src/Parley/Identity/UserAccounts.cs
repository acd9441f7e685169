using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Identity;

/// Creating users and tokens; shared by the API and the command line.
public static class UserAccounts
{
    public sealed record NewUser(string UserName, string DisplayName, string PartyCode, string AgencyCode, IReadOnlyList<string> Roles, string? Email, string? Password, string? TimeZone);

    public static async Task<(User? User, string? Password, Dictionary<string, string[]> Errors)> AddAsync(
        ParleyDbContext db, NewUser input, DateTime now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.UserName) || input.UserName.Length > 64 || input.UserName.Any(char.IsWhiteSpace))
            errors["userName"] = ["userName is 1–64 characters without spaces."];
        else if (await db.Users.AnyAsync(u => u.UserName == input.UserName, ct))
            errors["userName"] = [$"'{input.UserName}' is taken."];
        if (!RoleNames.TryParse(input.Roles, out var roles))
            errors["roles"] = [$"roles are one or more of {string.Join(", ", RoleNames.All)}."];
        if (input.Password is not null && PasswordPolicy.Check(input.Password, input.UserName) is { } problem)
            errors["password"] = [problem];
        if (input.TimeZone is not null && !Deadlines.ZonedTime.IsKnownZone(input.TimeZone))
            errors["timeZone"] = [$"'{input.TimeZone}' is not an IANA time zone."];
        var agency = await db.Agencies.Include(a => a.Party)
            .SingleOrDefaultAsync(a => a.Party!.Code == input.PartyCode.ToUpper() && a.Code == input.AgencyCode, ct);
        if (agency is null) errors["agency"] = [$"No agency '{input.AgencyCode}' in party '{input.PartyCode}'."];
        if (errors.Count > 0) return (null, null, errors);

        var password = input.Password ?? Passwords.Generate();
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            UserName = input.UserName,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? input.UserName : input.DisplayName,
            Email = input.Email,
            AgencyId = agency!.Id,
            Roles = roles,
            TimeZone = input.TimeZone,
            CreatedAt = now,
        };
        user.PasswordHash = Passwords.Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return (user, input.Password is null ? password : null, errors);
    }

    /// A token with the given scopes, by default every scope the user's roles allow.
    public static async Task<(ApiToken Token, string Secret)> CreateTokenAsync(ParleyDbContext db, User user, string name, TimeSpan lifetime, DateTime now,
        CancellationToken ct, TokenScopes? scopes = null)
    {
        var token = ApiTokens.Create(user, name, now, lifetime, out var secret);
        token.Scopes = scopes ?? TokenScopeNames.AllowedFor(user);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (token, secret);
    }
}
