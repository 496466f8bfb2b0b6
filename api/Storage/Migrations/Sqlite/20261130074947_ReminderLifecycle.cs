using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookFollowUp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReminderLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "claim_id",
                table: "reminders",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "done_by",
                table: "reminders",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "due_at",
                table: "reminders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "flag_wanted",
                table: "reminders",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "flag_written",
                table: "reminders",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "flag_written_at",
                table: "reminders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by_address",
                table: "reminders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by_name",
                table: "reminders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "reminders",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sweep_at",
                table: "reminders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sweep_attempts",
                table: "reminders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "reminder_compose_marks",
                columns: table => new
                {
                    user_key = table.Column<string>(type: "TEXT", nullable: false),
                    message_id = table.Column<string>(type: "TEXT", nullable: false),
                    tracked_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_compose_marks", x => new { x.user_key, x.message_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_reminders_claim_id",
                table: "reminders",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_sweep_at",
                table: "reminders",
                column: "sweep_at");

            // Open reminders made before the due sweep existed: it takes them at their time (hand-written, keep at a regeneration).
            migrationBuilder.Sql("UPDATE reminders SET sweep_at = remind_at WHERE done_at IS NULL AND resolved_at IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reminder_compose_marks");

            migrationBuilder.DropIndex(
                name: "ix_reminders_claim_id",
                table: "reminders");

            migrationBuilder.DropIndex(
                name: "ix_reminders_sweep_at",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "claim_id",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "done_by",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "flag_wanted",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "flag_written",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "flag_written_at",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "resolved_by_address",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "resolved_by_name",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "source",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "sweep_at",
                table: "reminders");

            migrationBuilder.DropColumn(
                name: "sweep_attempts",
                table: "reminders");
        }
    }
}
