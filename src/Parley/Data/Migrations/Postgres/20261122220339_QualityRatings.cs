using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QualityRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnswerEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Completeness = table.Column<int>(type: "integer", nullable: false),
                    Relevance = table.Column<int>(type: "integer", nullable: false),
                    Actionability = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Comment = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RatedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RepliedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerRatings", x => x.Id);
                    table.CheckConstraint("CK_AnswerRatings_Scores", "\"Completeness\" BETWEEN 1 AND 5 AND \"Relevance\" BETWEEN 1 AND 5 AND \"Actionability\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_AnswerRatings_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerRatings_AnswerEventId",
                table: "AnswerRatings",
                column: "AnswerEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerRatings_RequestId",
                table: "AnswerRatings",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerRatings");
        }
    }
}
