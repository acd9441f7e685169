using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StixMarkingDefinitionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StixObjects_MechanismId",
                table: "StixObjects");

            migrationBuilder.DropIndex(
                name: "IX_StixObjects_Type_StixId",
                table: "StixObjects");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_MarkingDefinitions",
                table: "StixObjects",
                columns: new[] { "MechanismId", "StixId" },
                filter: "\"Type\" = 'marking-definition'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StixObjects_MarkingDefinitions",
                table: "StixObjects");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_MechanismId",
                table: "StixObjects",
                column: "MechanismId");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_Type_StixId",
                table: "StixObjects",
                columns: new[] { "Type", "StixId" });
        }
    }
}
