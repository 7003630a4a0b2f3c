using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VinylVault.Core.Collection.Migrations
{
    /// <inheritdoc />
    public partial class Wantlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Wants",
                columns: table => new
                {
                    ReleaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    ArtistDisplay = table.Column<string>(type: "TEXT", nullable: false),
                    ArtistSort = table.Column<string>(type: "TEXT", nullable: false),
                    TitleSort = table.Column<string>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Formats = table.Column<string>(type: "TEXT", nullable: false),
                    Labels = table.Column<string>(type: "TEXT", nullable: false),
                    CatalogNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    Thumb = table.Column<string>(type: "TEXT", nullable: true),
                    CoverImage = table.Column<string>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    DateAdded = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ListedHash = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wants", x => x.ReleaseId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Wants_ArtistSort",
                table: "Wants",
                column: "ArtistSort");

            migrationBuilder.CreateIndex(
                name: "IX_Wants_DateAdded",
                table: "Wants",
                column: "DateAdded");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Wants");
        }
    }
}
