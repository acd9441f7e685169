using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <summary>
    /// The chain is extended when a transaction commits, by the server: a save inserts its entries unchained
    /// into "AuditPending", and a deferred constraint trigger moves each into "AuditEntries" at COMMIT, under
    /// the chain lock (a transaction-scoped advisory lock, key 71834473681920: "AUDIT" in ASCII), with its sequence number, instant and
    /// hash (README "The hash input"; AuditHash computes the same in .NET). The pending table is unlogged: its
    /// rows never outlive their transaction, so there is nothing in it to keep through a crash.
    /// </summary>
    public partial class AuditChainedAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE "AuditPending" (
                    "Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    "At" timestamp with time zone NOT NULL,
                    "ActorType" character varying(16) NOT NULL,
                    "ActorId" uuid,
                    "AgencyId" uuid,
                    "PartyId" uuid,
                    "Action" character varying(64) NOT NULL,
                    "SubjectType" character varying(64) NOT NULL,
                    "SubjectId" character varying(200) NOT NULL,
                    "PayloadDigest" character varying(64) NOT NULL,
                    "Changes" text NOT NULL);

                CREATE FUNCTION parley_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $chain$
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

                CREATE CONSTRAINT TRIGGER "AuditPending_chain" AFTER INSERT ON "AuditPending"
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION parley_audit_chain();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE "AuditPending";
                DROP FUNCTION parley_audit_chain();
                """);
        }
    }
}
