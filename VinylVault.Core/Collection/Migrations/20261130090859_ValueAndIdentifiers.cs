using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VinylVault.Core.Collection.Migrations
{
    /// <inheritdoc />
    public partial class ValueAndIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PriceCurrency",
                table: "Releases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CatnoKey",
                table: "ReleaseLabels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReleaseIdentifiers",
                columns: table => new
                {
                    ReleaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseIdentifiers", x => new { x.ReleaseId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ReleaseIdentifiers_Releases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "Releases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ValueSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    Minimum = table.Column<decimal>(type: "TEXT", nullable: false),
                    Median = table.Column<decimal>(type: "TEXT", nullable: false),
                    Maximum = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseLabels_CatnoKey",
                table: "ReleaseLabels",
                column: "CatnoKey");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseIdentifiers_Key_Type",
                table: "ReleaseIdentifiers",
                columns: new[] { "Key", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_ValueSnapshots_Day",
                table: "ValueSnapshots",
                column: "Day",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReleaseIdentifiers");

            migrationBuilder.DropTable(
                name: "ValueSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_ReleaseLabels_CatnoKey",
                table: "ReleaseLabels");

            migrationBuilder.DropColumn(
                name: "PriceCurrency",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "CatnoKey",
                table: "ReleaseLabels");
        }
    }
}
