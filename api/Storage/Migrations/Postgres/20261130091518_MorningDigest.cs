using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MorningDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "digest",
                table: "user_settings",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "digest_default",
                table: "tenant_policies",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "digest_state",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "text", nullable: false),
                    last_digest_date = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_state", x => x.user_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "digest_state");

            migrationBuilder.DropColumn(
                name: "digest",
                table: "user_settings");

            migrationBuilder.DropColumn(
                name: "digest_default",
                table: "tenant_policies");
        }
    }
}
