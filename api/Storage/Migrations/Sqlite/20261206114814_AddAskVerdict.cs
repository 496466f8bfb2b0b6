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
            migrationBuilder.AddColumn<bool>(
                name: "all_unanswered",
                table: "user_settings",
                type: "INTEGER",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "all_unanswered",
                table: "user_settings");

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
