using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SponsorVictimPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The derived sponsor>victim facets of the incidents already registered (IncidentWriter keeps them from now on).
            migrationBuilder.Sql("""
                INSERT INTO "IncidentFacets" ("IncidentId", "Kind", "Value")
                SELECT s."IncidentId", 'SponsorVictim', s."Value" || '>' || v."Value"
                FROM "IncidentFacets" s JOIN "IncidentFacets" v ON v."IncidentId" = s."IncidentId" AND v."Kind" = 'VictimCountry'
                WHERE s."Kind" = 'Sponsor'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "IncidentFacets" WHERE "Kind" = 'SponsorVictim'""");
        }
    }
}
