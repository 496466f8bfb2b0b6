using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DigestHoursAndLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "working_hours",
                table: "digest_state",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "working_hours_until",
                table: "digest_state",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "user_languages",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_languages", x => x.user_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_languages");

            migrationBuilder.DropColumn(
                name: "working_hours",
                table: "digest_state");

            migrationBuilder.DropColumn(
                name: "working_hours_until",
                table: "digest_state");
        }
    }
}
