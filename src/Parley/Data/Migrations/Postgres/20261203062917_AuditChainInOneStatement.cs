using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <summary>
    /// The commit-time chaining of <c>AuditChainedAtCommit</c> in three statements instead of four: the head is
    /// read inside the INSERT that places the entry. Every audited transaction runs the trigger, and each
    /// statement it runs costs an executor start of its own (a fifth of the server's share of an audited submit).
    /// The lock stays a statement of its own: a statement's snapshot is taken when it starts, so the head must be
    /// read by a statement that starts after the lock is granted. Same entries, same hashes.
    /// </summary>
    public partial class AuditChainInOneStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION parley_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $chain$
                BEGIN
                    PERFORM pg_advisory_xact_lock(71834473681920);
                    INSERT INTO "AuditEntries" ("Sequence", "At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId",
                        "PayloadDigest", "Changes", "PreviousHash", "Hash")
                    SELECT placed.sequence, placed.at, NEW."ActorType", NEW."ActorId", NEW."AgencyId", NEW."PartyId", NEW."Action", NEW."SubjectType",
                        NEW."SubjectId", NEW."PayloadDigest", NEW."Changes", placed.previous,
                        encode(sha256(convert_to(
                            placed.previous || E'\n' || placed.sequence::text || E'\n' || to_char(placed.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
                            || NEW."ActorType" || E'\n' || COALESCE(NEW."ActorId"::text, '') || E'\n' || COALESCE(NEW."AgencyId"::text, '') || E'\n'
                            || COALESCE(NEW."PartyId"::text, '') || E'\n' || NEW."Action" || E'\n' || NEW."SubjectType" || E'\n' || NEW."SubjectId" || E'\n'
                            || NEW."PayloadDigest" || CASE WHEN NEW."Changes" = '' THEN '' ELSE E'\n' || NEW."Changes" END,
                            'UTF8')), 'hex')
                    FROM (SELECT COALESCE(head."Sequence", 0) + 1 AS sequence,
                                 GREATEST(NEW."At", head."At") AS at,
                                 COALESCE(head."Hash", '0000000000000000000000000000000000000000000000000000000000000000') AS previous
                          FROM (SELECT 1) AS one
                          LEFT JOIN LATERAL (SELECT "Sequence", "Hash", "At" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1) AS head ON true) AS placed;
                    DELETE FROM "AuditPending" WHERE "Id" = NEW."Id";
                    RETURN NULL;
                END
                $chain$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION parley_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $chain$
                DECLARE
                    head_sequence bigint;
                    head_hash text;
                    head_at timestamp with time zone;
                    entry_sequence bigint;
                    entry_at timestamp with time zone;
                BEGIN
                    PERFORM pg_advisory_xact_lock(71834473681920);
                    SELECT "Sequence", "Hash", "At" INTO head_sequence, head_hash, head_at
                        FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1;
                    IF NOT FOUND THEN
                        head_sequence := 0;
                        head_hash := '0000000000000000000000000000000000000000000000000000000000000000';
                        head_at := '-infinity';
                    END IF;
                    entry_sequence := head_sequence + 1;
                    entry_at := GREATEST(NEW."At", head_at);
                    INSERT INTO "AuditEntries" ("Sequence", "At", "ActorType", "ActorId", "AgencyId", "PartyId", "Action", "SubjectType", "SubjectId",
                        "PayloadDigest", "Changes", "PreviousHash", "Hash")
                    VALUES (entry_sequence, entry_at, NEW."ActorType", NEW."ActorId", NEW."AgencyId", NEW."PartyId", NEW."Action", NEW."SubjectType", NEW."SubjectId",
                        NEW."PayloadDigest", NEW."Changes", head_hash,
                        encode(sha256(convert_to(
                            head_hash || E'\n' || entry_sequence::text || E'\n' || to_char(entry_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n'
                            || NEW."ActorType" || E'\n' || COALESCE(NEW."ActorId"::text, '') || E'\n' || COALESCE(NEW."AgencyId"::text, '') || E'\n'
                            || COALESCE(NEW."PartyId"::text, '') || E'\n' || NEW."Action" || E'\n' || NEW."SubjectType" || E'\n' || NEW."SubjectId" || E'\n'
                            || NEW."PayloadDigest" || CASE WHEN NEW."Changes" = '' THEN '' ELSE E'\n' || NEW."Changes" END,
                            'UTF8')), 'hex'));
                    DELETE FROM "AuditPending" WHERE "Id" = NEW."Id";
                    RETURN NULL;
                END
                $chain$;
                """);
        }
    }
}
