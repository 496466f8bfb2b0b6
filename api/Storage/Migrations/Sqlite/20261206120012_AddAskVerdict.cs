using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAskVerdict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "asking_reason",
                table: "thread_summaries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "asks_nothing",
                table: "thread_summaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "all_unanswered_default",
                table: "tenant_policies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                table: "mailbox_states",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "asks",
                table: "indexed_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "user_modes",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    all_unanswered = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_modes", x => x.user_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_modes");

            migrationBuilder.DropColumn(
                name: "asking_reason",
                table: "thread_summaries");

            migrationBuilder.DropColumn(
                name: "asks_nothing",
                table: "thread_summaries");

            migrationBuilder.DropColumn(
                name: "all_unanswered_default",
                table: "tenant_policies");

            migrationBuilder.DropColumn(
                name: "display_name",
                table: "mailbox_states");

            migrationBuilder.DropColumn(
                name: "asks",
                table: "indexed_messages");
        }
    }
}
