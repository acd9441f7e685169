using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxActionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_FromAgencyId_Status",
                table: "Requests",
                columns: new[] { "FromAgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ToPartyId_Status_ToAgencyId",
                table: "Requests",
                columns: new[] { "ToPartyId", "Status", "ToAgencyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_FromAgencyId_Status",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_ToPartyId_Status_ToAgencyId",
                table: "Requests");
        }
    }
}
