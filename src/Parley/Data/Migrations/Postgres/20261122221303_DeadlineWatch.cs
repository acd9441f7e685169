using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeadlineWatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestDeadlines_State_DueAt",
                table: "RequestDeadlines");

            migrationBuilder.AddColumn<double>(
                name: "AtRiskShare",
                table: "TimelinePolicies",
                type: "double precision",
                nullable: false,
                defaultValue: 0.75);

            migrationBuilder.AddColumn<DateTime>(
                name: "AtRiskAt",
                table: "RequestDeadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WatchAt",
                table: "RequestDeadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FellAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineAlerts_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestDeadlines_WatchAt",
                table: "RequestDeadlines",
                column: "WatchAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineAlerts_RecordedAt",
                table: "DeadlineAlerts",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineAlerts_RequestId_Deadline_Level_DueAt",
                table: "DeadlineAlerts",
                columns: new[] { "RequestId", "Deadline", "Level", "DueAt" },
                unique: true);
            // Deadlines stored before the watcher existed are watched from their due instant.
            migrationBuilder.Sql("UPDATE \"RequestDeadlines\" SET \"WatchAt\" = \"DueAt\" WHERE \"State\" = 'Pending' AND \"DueAt\" IS NOT NULL;");
        }


        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineAlerts");

            migrationBuilder.DropIndex(
                name: "IX_RequestDeadlines_WatchAt",
                table: "RequestDeadlines");

            migrationBuilder.DropColumn(
                name: "AtRiskShare",
                table: "TimelinePolicies");

            migrationBuilder.DropColumn(
                name: "AtRiskAt",
                table: "RequestDeadlines");

            migrationBuilder.DropColumn(
                name: "WatchAt",
                table: "RequestDeadlines");

            migrationBuilder.CreateIndex(
                name: "IX_RequestDeadlines_State_DueAt",
                table: "RequestDeadlines",
                columns: new[] { "State", "DueAt" });
        }
    }
}
