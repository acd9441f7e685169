using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentFacetDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentFacets_Kind_Value_IncidentId",
                table: "IncidentFacets");

            migrationBuilder.AddColumn<int>(
                name: "FirstSeenMonth",
                table: "IncidentFacets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstSeenYear",
                table: "IncidentFacets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The facets of incidents already registered take their incident's month (IncidentWriter keeps them from now on).
            migrationBuilder.Sql("""
                UPDATE "IncidentFacets" SET
                    "FirstSeenYear" = (SELECT i."FirstSeenYear" FROM "Incidents" i WHERE i."Id" = "IncidentFacets"."IncidentId"),
                    "FirstSeenMonth" = (SELECT i."FirstSeenMonth" FROM "Incidents" i WHERE i."Id" = "IncidentFacets"."IncidentId")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacets_Kind_Value_FirstSeenYear_FirstSeenMonth_IncidentId",
                table: "IncidentFacets",
                columns: new[] { "Kind", "Value", "FirstSeenYear", "FirstSeenMonth", "IncidentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentFacets_Kind_Value_FirstSeenYear_FirstSeenMonth_IncidentId",
                table: "IncidentFacets");

            migrationBuilder.DropColumn(
                name: "FirstSeenMonth",
                table: "IncidentFacets");

            migrationBuilder.DropColumn(
                name: "FirstSeenYear",
                table: "IncidentFacets");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacets_Kind_Value_IncidentId",
                table: "IncidentFacets",
                columns: new[] { "Kind", "Value", "IncidentId" });
        }
    }
}
