using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StixStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StixObjects",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MechanismId = table.Column<Guid>(type: "uuid", nullable: false),
                    CollectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StixId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    SpecVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VersionText = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DateAdded = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsLast = table.Column<bool>(type: "boolean", nullable: false),
                    IsFirst = table.Column<bool>(type: "boolean", nullable: false),
                    Tlp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MarkingRefs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SourcePartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientPartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientAgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StixObjects", x => x.Seq);
                    table.ForeignKey(
                        name: "FK_StixObjects_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaxiiStatuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MechanismId = table.Column<Guid>(type: "uuid", nullable: false),
                    CollectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestTimestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TotalCount = table.Column<int>(type: "integer", nullable: false),
                    SuccessCount = table.Column<int>(type: "integer", nullable: false),
                    FailureCount = table.Column<int>(type: "integer", nullable: false),
                    PendingCount = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxiiStatuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_CollectionId_Seq",
                table: "StixObjects",
                columns: new[] { "CollectionId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_CollectionId_StixId_Version",
                table: "StixObjects",
                columns: new[] { "CollectionId", "StixId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_MechanismId",
                table: "StixObjects",
                column: "MechanismId");

            migrationBuilder.CreateIndex(
                name: "IX_StixObjects_Type_StixId",
                table: "StixObjects",
                columns: new[] { "Type", "StixId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StixObjects");

            migrationBuilder.DropTable(
                name: "TaxiiStatuses");
        }
    }
}
