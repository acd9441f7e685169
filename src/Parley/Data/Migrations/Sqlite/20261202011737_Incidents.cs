using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MechanismId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FirstSeen = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstSeenPrecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstSeenYear = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    Reported = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportedPrecision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AttributedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentBreaches",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentBreaches", x => new { x.IncidentId, x.CommitmentId });
                    table.ForeignKey(
                        name: "FK_IncidentBreaches_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentBreaches_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentFacets",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentFacets", x => new { x.IncidentId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_IncidentFacets_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentRequests",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentRequests", x => new { x.IncidentId, x.RequestId });
                    table.ForeignKey(
                        name: "FK_IncidentRequests_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentRequests_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentSources_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_MechanismId_Code",
                table: "Commitments",
                columns: new[] { "MechanismId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentBreaches_CommitmentId",
                table: "IncidentBreaches",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacets_Kind_Value_IncidentId",
                table: "IncidentFacets",
                columns: new[] { "Kind", "Value", "IncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRequests_RequestId",
                table: "IncidentRequests",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_FirstSeen",
                table: "Incidents",
                column: "FirstSeen");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_FirstSeenYear_FirstSeenMonth",
                table: "Incidents",
                columns: new[] { "FirstSeenYear", "FirstSeenMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Key",
                table: "Incidents",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentSources_IncidentId",
                table: "IncidentSources",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentBreaches");

            migrationBuilder.DropTable(
                name: "IncidentFacets");

            migrationBuilder.DropTable(
                name: "IncidentRequests");

            migrationBuilder.DropTable(
                name: "IncidentSources");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
