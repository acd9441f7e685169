using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncidentFacetFirstSeen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentFacets_Kind_Value_FirstSeenYear_FirstSeenMonth_Inci~",
                table: "IncidentFacets");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstSeen",
                table: "IncidentFacets",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // The facets of incidents already registered take their incident's first-seen date.
            migrationBuilder.Sql("""
                UPDATE "IncidentFacets" SET
                    "FirstSeen" = (SELECT i."FirstSeen" FROM "Incidents" i WHERE i."Id" = "IncidentFacets"."IncidentId")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacets_Kind_Value_FirstSeen_FirstSeenYear_FirstSeen~",
                table: "IncidentFacets",
                columns: new[] { "Kind", "Value", "FirstSeen", "FirstSeenYear", "FirstSeenMonth", "IncidentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentFacets_Kind_Value_FirstSeen_FirstSeenYear_FirstSeen~",
                table: "IncidentFacets");

            migrationBuilder.DropColumn(
                name: "FirstSeen",
                table: "IncidentFacets");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacets_Kind_Value_FirstSeenYear_FirstSeenMonth_Inci~",
                table: "IncidentFacets",
                columns: new[] { "Kind", "Value", "FirstSeenYear", "FirstSeenMonth", "IncidentId" });
        }
    }
}
